package dev.glasshouse.engine.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glasshouse.engine.server.config.ServerConfig;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The acceptance check of the standalone engine: Apache ZooKeeper's own command line (zkCli,
 * {@code org.apache.zookeeper.ZooKeeperMain}) in its own JVM, unmodified, driving a Glasshouse
 * server through the commands an operator types.
 */
@Timeout(120)
class ZkCliCompatTest {
    @TempDir
    Path dir;

    @Test
    void zkCliCreatesReadsUpdatesListsWatchesAndDeletes() throws Exception {
        try (StandaloneServer server = StandaloneServer.start(ServerConfig.defaults(dir, 0).withTickTime(500))) {
            String output = runZkCli(server.clientPort(), List.of(
                    "create /demo hello",
                    "create /demo/child c1",
                    "create -s /demo/seq- s",
                    "create -e /demo/eph e",
                    "get /demo",
                    "set /demo world",
                    "get -s /demo",
                    "ls -s /demo",
                    "stat /demo/child",
                    "getEphemerals /demo",
                    "addWatch -m PERSISTENT_RECURSIVE /demo",
                    "set /demo/child c2",
                    "delete /demo/child",
                    "deleteall /demo",
                    "ls /",
                    "quit"));
            assertThat(output)
                    .contains("Created /demo", "Created /demo/seq-0000000001", "hello", "world")
                    .contains("dataVersion = 1", "numChildren = 3", "dataLength = 2")
                    .contains("[/demo/eph]")
                    .contains("WatchedEvent state:SyncConnected type:NodeDataChanged path:/demo/child")
                    .contains("[zookeeper]")
                    .doesNotContain("Exception", "Node does not exist", "KeeperErrorCode");
        }
    }

    private String runZkCli(int port, List<String> commands) throws IOException, InterruptedException {
        Path output = dir.resolve("zkcli.out");
        Process process = new ProcessBuilder(javaExecutable(), "-Xmx128m", "-cp", testClassPath(),
                "org.apache.zookeeper.ZooKeeperMain", "-server", "127.0.0.1:" + port)
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        try (OutputStream stdin = process.getOutputStream()) {
            stdin.write((String.join("\n", commands) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("zkCli did not finish; output so far:\n" + Files.readString(output));
        }
        return Files.readString(output);
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    // Surefire exposes the real test class path; the JVM's own may be a manifest-only jar.
    private static String testClassPath() {
        String path = System.getProperty("surefire.test.class.path");
        return path == null || path.isBlank() ? System.getProperty("java.class.path") : path;
    }
}
