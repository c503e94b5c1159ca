package dev.glasshouse.engine.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every {@code scripts/pipeline/*.txt}: each command line is fed to a {@link PipelineScript}
 * and followed in the file by the transcript it must produce, one {@code > } line each. Lines
 * starting with {@code #} are comments. On a mismatch the whole actual file is printed (and
 * written under {@code target/script-actual/}) so that it can be reviewed and pasted back.
 */
class PipelineScriptTest {
    private static final String DIRECTORY = "scripts/pipeline";
    private static final String OUTPUT_PREFIX = "> ";

    static Stream<String> scripts() throws IOException, URISyntaxException {
        URL url = PipelineScriptTest.class.getClassLoader().getResource(DIRECTORY);
        assertThat(url).as("classpath directory " + DIRECTORY).isNotNull();
        try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
            List<String> names = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".txt")).sorted()
                    .toList();
            assertThat(names).as("scripts in " + DIRECTORY).isNotEmpty();
            return names.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scripts")
    void transcriptMatches(String name) throws IOException, URISyntaxException {
        URL url = PipelineScriptTest.class.getClassLoader().getResource(DIRECTORY + "/" + name);
        String expected = normalise(Files.readString(Path.of(url.toURI()), StandardCharsets.UTF_8));
        String actual = normalise(run(expected));
        if (!actual.equals(expected)) {
            Path dump = Path.of("target", "script-actual", "pipeline", name);
            Files.createDirectories(dump.getParent());
            Files.writeString(dump, actual, StandardCharsets.UTF_8);
            fail("Transcript of " + DIRECTORY + "/" + name + " differs at line " + firstDifference(expected, actual)
                    + ". Actual transcript (also in " + dump.toAbsolutePath() + "):\n" + actual);
        }
    }

    /** The script with every command followed by what it produced, comments and blank lines kept. */
    private static String run(String script) {
        PipelineScript driver = new PipelineScript();
        List<String> result = new ArrayList<>();
        for (String line : script.split("\n", -1)) {
            if (line.startsWith(OUTPUT_PREFIX) || line.equals(OUTPUT_PREFIX.strip())) {
                continue;
            }
            result.add(line);
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            List<String> words = Arrays.asList(trimmed.split("\\s+"));
            try {
                driver.run(words).forEach(out -> result.add(OUTPUT_PREFIX + out));
            } catch (RuntimeException e) {
                result.add(OUTPUT_PREFIX + "!! " + e);
                break;
            }
        }
        return String.join("\n", result);
    }

    private static String normalise(String text) {
        return Arrays.stream(text.replace("\r\n", "\n").split("\n", -1)).map(String::stripTrailing)
                .collect(Collectors.joining("\n")).strip() + "\n";
    }

    private static int firstDifference(String expected, String actual) {
        String[] a = expected.split("\n", -1);
        String[] b = actual.split("\n", -1);
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            if (!a[i].equals(b[i])) {
                return i + 1;
            }
        }
        return Math.min(a.length, b.length) + 1;
    }
}
