package dev.glasshouse.engine.tree;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class PathRulesTest {

    @ParameterizedTest
    @ValueSource(strings = {"/", "/a", "/a/b/c", "/zookeeper", "/a.b", "/...", "/.a", "/a..", "/q-0000000001",
            "/with space", "/ünïcödé", "/\u0020", "/\u00a0", "/\uf900", "/\uffef"})
    void acceptsValidPaths(String path) {
        assertThat(PathRules.problem(path)).isEmpty();
    }

    static Stream<Arguments> invalidPaths() {
        return Stream.of(
                Arguments.of(null, "path must not be empty"),
                Arguments.of("", "path must not be empty"),
                Arguments.of("a", "path must start with /"),
                Arguments.of("a/b", "path must start with /"),
                Arguments.of("/a/", "path must not end with /"),
                Arguments.of("//", "path must not end with /"),
                Arguments.of("//a", "empty node name at index 1"),
                Arguments.of("/a//b", "empty node name at index 3"),
                Arguments.of("/.", "relative paths not allowed at index 1"),
                Arguments.of("/..", "relative paths not allowed at index 1"),
                Arguments.of("/a/./b", "relative paths not allowed at index 3"),
                Arguments.of("/a/..", "relative paths not allowed at index 3"),
                Arguments.of("/a\u0000", "invalid character at index 2"),
                Arguments.of("/a\u0001b", "invalid character at index 2"),
                Arguments.of("/\u001f", "invalid character at index 1"),
                Arguments.of("/\u007f", "invalid character at index 1"),
                Arguments.of("/\u009f", "invalid character at index 1"),
                Arguments.of("/\ud800", "invalid character at index 1"),
                Arguments.of("/\uf8ff", "invalid character at index 1"),
                Arguments.of("/\ufff0", "invalid character at index 1"),
                Arguments.of("/\uffff", "invalid character at index 1"));
    }

    @ParameterizedTest
    @MethodSource("invalidPaths")
    void rejectsInvalidPathsWithReason(String path, String reason) {
        assertThat(PathRules.problem(path)).contains(reason);
    }

    static Stream<Arguments> splits() {
        return Stream.of(
                Arguments.of("/a", "/", "a"),
                Arguments.of("/a/b", "/a", "b"),
                Arguments.of("/a/b/c-0000000001", "/a/b", "c-0000000001"));
    }

    @ParameterizedTest
    @MethodSource("splits")
    void splitsAndJoinsPaths(String path, String parent, String name) {
        assertThat(PathRules.parent(path)).isEqualTo(parent);
        assertThat(PathRules.name(path)).isEqualTo(name);
        assertThat(PathRules.child(parent, name)).isEqualTo(path);
    }
}
