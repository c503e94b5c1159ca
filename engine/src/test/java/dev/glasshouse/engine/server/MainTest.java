package dev.glasshouse.engine.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) throws InterruptedException {
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void invalidValueStopsStartUpNamingFileLineAndKey() throws Exception {
        Path config = dir.resolve("zoo.cfg");
        Files.writeString(config, "dataDir=" + dir + "\nclientPort=2181\ntickTime=abc\n");

        assertThat(run(config.toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("zoo.cfg", "line 3", "tickTime", "abc");
    }

    @Test
    void missingConfigurationFileIsExplained() throws Exception {
        assertThat(run(dir.resolve("absent.cfg").toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("absent.cfg", "does not exist");
    }

    @Test
    void digestCommandPrintsTheAclIdZooKeeperComputes() throws Exception {
        assertThat(run("digest", "bob:secret")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8).trim()).isEqualTo("bob:fyVmFCwVbTJYrznoSu1koqYEYF0=");
    }

    @Test
    void extraArgumentsPrintUsage() throws Exception {
        assertThat(run("a", "b", "c")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Usage: glasshouse-engine");
    }
}
