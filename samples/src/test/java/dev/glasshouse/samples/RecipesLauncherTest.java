package dev.glasshouse.samples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glasshouse.samples.demo.Catalog;
import dev.glasshouse.samples.testing.GlasshouseTestServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every demo the launcher offers runs to its end, at full speed, against a Glasshouse member. */
@TestInstance(Lifecycle.PER_CLASS)
@Timeout(60)
class RecipesLauncherTest {
    @TempDir
    static Path dataDir;
    private GlasshouseTestServer server;

    @BeforeAll
    void start() {
        server = GlasshouseTestServer.start(dataDir);
    }

    @AfterAll
    void stop() {
        server.close();
    }

    Stream<String> recipes() {
        List<String> names = new ArrayList<>();
        new Catalog().names().forEach(names::add);
        return names.stream();
    }

    @ParameterizedTest
    @MethodSource("recipes")
    void everyDemoRunsToItsEnd(String recipe) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int exit = new Recipes(new PrintStream(bytes, true, StandardCharsets.UTF_8))
                .run(recipe, "--participants", "3", "--connect", server.connectString(), "--pace", "0");
        String transcript = bytes.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(transcript).isZero();
        assertThat(transcript).contains("[demo     ] done");
    }

    @Test
    void anUnknownRecipeListsTheKnownOnes() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int exit = new Recipes(new PrintStream(bytes, true, StandardCharsets.UTF_8)).run("mutex");
        assertThat(exit).isEqualTo(2);
        assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("lock", "master-worker");
    }
}
