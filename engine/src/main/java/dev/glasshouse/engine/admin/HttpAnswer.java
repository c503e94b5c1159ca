package dev.glasshouse.engine.admin;

import java.nio.charset.StandardCharsets;

/** One HTTP response of the operations endpoints: status, content type and body. */
record HttpAnswer(int status, String contentType, byte[] body) {

    static HttpAnswer text(int status, String contentType, String body) {
        return new HttpAnswer(status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }
}
