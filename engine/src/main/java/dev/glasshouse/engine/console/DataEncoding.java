package dev.glasshouse.engine.console;

import java.nio.charset.Charset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/** Turns what a user typed in a viewer format back into bytes, or says why it cannot. */
final class DataEncoding {
    private DataEncoding() {
    }

    static Optional<byte[]> decode(String text, DataFormat format, Charset charset, DataRenderer renderer) {
        return switch (format) {
            case TEXT -> Optional.of(text.getBytes(charset));
            case JSON -> renderer.jsonProblem(text).isEmpty() ? Optional.of(text.getBytes(charset)) : Optional.empty();
            case HEX -> hex(text);
            case BASE64 -> base64(text);
        };
    }

    static String why(String text, DataFormat format, DataRenderer renderer) {
        return switch (format) {
            case JSON -> renderer.jsonProblem(text).orElse("");
            case HEX -> "Hex needs pairs of digits 0-9 and a-f; offsets and the |ascii| column are ignored.";
            case BASE64 -> "Base64 needs the characters A-Z, a-z, 0-9, + and / with = padding.";
            case TEXT -> "";
        };
    }

    // Accepts the hex dump the viewer shows (offset, bytes, |ascii|) as well as bare hex digits.
    private static Optional<byte[]> hex(String text) {
        StringBuilder digits = new StringBuilder();
        for (String line : text.split("\n")) {
            String body = line.contains("|") ? line.substring(0, line.indexOf('|')) : line;
            String[] fields = body.trim().split("\\s+");
            boolean dumpLine = fields.length > 1 && fields[0].length() == 8;
            for (int i = dumpLine ? 1 : 0; i < fields.length; i++) {
                digits.append(fields[i]);
            }
        }
        try {
            return Optional.of(HexFormat.of().parseHex(digits.toString()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<byte[]> base64(String text) {
        try {
            return Optional.of(Base64.getDecoder().decode(text.strip()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
