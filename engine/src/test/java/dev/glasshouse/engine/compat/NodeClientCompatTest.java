package dev.glasshouse.engine.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * node-zookeeper-client, a pure JavaScript ZooKeeper client, unmodified, against each target:
 * the scenarios live in {@code src/test/node/client.test.mjs} and run under Node's own test
 * runner. The client package is installed from the npm registry on first use.
 */
class NodeClientCompatTest {
    private static final Path PROJECT = Path.of("src", "test", "node");

    @AgainstEachTarget
    void nodeZookeeperClientPassesItsScenarios(TargetServer server) throws Exception {
        installClientPackage();
        Path log = Files.createTempFile("node-client", ".log");
        try {
            ProcessBuilder builder = new ProcessBuilder("node", "--test", "client.test.mjs")
                    .directory(PROJECT.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().put("ZK_CONNECT", server.connectString());
            Process node = builder.start();
            node.getOutputStream().close();
            boolean finished = node.waitFor(45, TimeUnit.SECONDS);
            if (!finished) {
                node.destroyForcibly();
            }
            String output = Files.readString(log);
            assertThat(finished).as("node finished; output:%n%s", output).isTrue();
            assertThat(node.exitValue()).as("node --test exit code; output:%n%s", output).isZero();
            assertThat(output).contains("# pass 5", "# fail 0");
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private static void installClientPackage() throws IOException, InterruptedException {
        if (Files.isDirectory(PROJECT.resolve("node_modules").resolve("node-zookeeper-client"))) {
            return;
        }
        Process npm = new ProcessBuilder(List.of("npm", "ci", "--no-audit", "--no-fund"))
                .directory(PROJECT.toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(npm.getInputStream().readAllBytes());
        assertThat(npm.waitFor(120, TimeUnit.SECONDS) && npm.exitValue() == 0)
                .as("npm ci in %s failed:%n%s", PROJECT.toAbsolutePath(), output).isTrue();
    }
}
