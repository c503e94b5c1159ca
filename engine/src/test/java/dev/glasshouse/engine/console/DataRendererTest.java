package dev.glasshouse.engine.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DataRendererTest {
    private final DataRenderer renderer = new DataRenderer();

    static Stream<Arguments> detection() {
        return Stream.of(
                Arguments.of(new byte[0], DataFormat.TEXT),
                Arguments.of(utf8("hello world"), DataFormat.TEXT),
                Arguments.of(utf8("{\"a\": [1, 2]}"), DataFormat.JSON),
                Arguments.of(utf8("  [1,2,3]\n"), DataFormat.JSON),
                Arguments.of(utf8("{not json"), DataFormat.TEXT),
                Arguments.of(utf8("42"), DataFormat.TEXT),
                Arguments.of(new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1}, DataFormat.HEX),
                Arguments.of(new byte[] {1, 2, 3, 4, 5, 6, 'a'}, DataFormat.HEX));
    }

    @ParameterizedTest
    @MethodSource("detection")
    void detectsTheFormatAConsoleShowsFirst(byte[] data, DataFormat expected) {
        assertThat(renderer.detect(data)).isEqualTo(expected);
    }

    @Test
    void prettyPrintsJson() {
        RenderedData rendered = renderer.render(utf8("{\"a\":1,\"b\":[true]}"), DataFormat.JSON, StandardCharsets.UTF_8);

        assertThat(rendered.problem()).isEmpty();
        assertThat(rendered.text()).contains("\"a\" : 1", "\n");
    }

    @Test
    void invalidJsonIsShownAsTextWithWhereItBreaks() {
        RenderedData rendered = renderer.render(utf8("{\"a\":\n  oops}"), DataFormat.JSON, StandardCharsets.UTF_8);

        assertThat(rendered.text()).isEqualTo("{\"a\":\n  oops}");
        assertThat(rendered.problem()).hasValueSatisfying(problem -> assertThat(problem)
                .startsWith("Not valid JSON at line 2"));
        assertThat(renderer.jsonProblem("[1,2]")).isEmpty();
    }

    @Test
    void hexDumpShowsOffsetBytesAndPrintableCharacters() {
        String dump = renderer.render(utf8("hello, glasshouse!"), DataFormat.HEX, StandardCharsets.UTF_8).text();

        assertThat(dump.lines()).containsExactly(
                "00000000  68 65 6c 6c 6f 2c 20 67 6c 61 73 73 68 6f 75 73  |hello, glasshous|",
                "00000010  65 21                                            |e!|");
    }

    @Test
    void base64AndTextWithAChosenCharset() {
        assertThat(renderer.render(utf8("hi"), DataFormat.BASE64, StandardCharsets.UTF_8).text()).isEqualTo("aGk=");
        byte[] latin1 = {(byte) 0xe9};
        assertThat(renderer.render(latin1, DataFormat.TEXT, StandardCharsets.ISO_8859_1).text()).isEqualTo("é");
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
