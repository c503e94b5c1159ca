package dev.glasshouse.engine.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Chooses and produces the data viewer both consoles show: JSON when the bytes are a JSON object
 * or array, text when they are printable UTF-8, a hex dump otherwise; any format can be forced.
 * Stateless and thread-safe.
 */
public final class DataRenderer {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** The format a console picks before the user overrides it. */
    public DataFormat detect(byte[] data) {
        if (data.length == 0) {
            return DataFormat.TEXT;
        }
        Optional<String> text = strictUtf8(data);
        if (text.isEmpty() || !mostlyPrintable(text.get())) {
            return DataFormat.HEX;
        }
        String trimmed = text.get().strip();
        if ((trimmed.startsWith("{") || trimmed.startsWith("[")) && parse(trimmed).isPresent()) {
            return DataFormat.JSON;
        }
        return DataFormat.TEXT;
    }

    public RenderedData render(byte[] data, DataFormat format, Charset charset) {
        return switch (format) {
            case TEXT -> new RenderedData(format, new String(data, charset), Optional.empty());
            case JSON -> json(data);
            case HEX -> new RenderedData(format, hexDump(data), Optional.empty());
            case BASE64 -> new RenderedData(format, Base64.getEncoder().encodeToString(data), Optional.empty());
        };
    }

    /** Whether text is valid JSON, and where it is not: what an editor shows before saving. */
    public Optional<String> jsonProblem(String text) {
        try {
            JSON.readTree(text);
            return Optional.empty();
        } catch (JsonProcessingException e) {
            return Optional.of(describe(e));
        }
    }

    private RenderedData json(byte[] data) {
        String text = new String(data, StandardCharsets.UTF_8);
        try {
            JsonNode tree = JSON.readTree(text);
            return new RenderedData(DataFormat.JSON, JSON.writeValueAsString(tree), Optional.empty());
        } catch (JsonProcessingException e) {
            return new RenderedData(DataFormat.JSON, text, Optional.of(describe(e)));
        }
    }

    private static String describe(JsonProcessingException e) {
        String location = e.getLocation() == null ? ""
                : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        return "Not valid JSON" + location + ": " + e.getOriginalMessage();
    }

    private static Optional<JsonNode> parse(String text) {
        try {
            return Optional.of(JSON.readTree(text));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> strictUtf8(byte[] data) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(data)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    private static boolean mostlyPrintable(String text) {
        long control = text.chars().filter(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')
                .count();
        return control * 20 <= text.length();
    }

    /** Sixteen bytes a line: offset, hex bytes, and the printable ASCII characters. */
    static String hexDump(byte[] data) {
        StringBuilder out = new StringBuilder();
        for (int offset = 0; offset < data.length; offset += 16) {
            out.append(String.format("%08x ", offset));
            StringBuilder ascii = new StringBuilder();
            for (int i = 0; i < 16; i++) {
                if (offset + i < data.length) {
                    int b = data[offset + i] & 0xff;
                    out.append(String.format(" %02x", b));
                    ascii.append(b >= 0x20 && b < 0x7f ? (char) b : '.');
                } else {
                    out.append("   ");
                }
            }
            out.append("  |").append(ascii).append("|\n");
        }
        return out.toString();
    }
}
