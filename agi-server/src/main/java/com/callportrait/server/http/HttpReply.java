package com.callportrait.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A complete HTTP response. Thread-safe as long as nobody writes to {@code body}, which is not
 * copied.
 *
 * @param status      HTTP status code
 * @param contentType media type of {@code body}
 * @param body        the bytes sent
 */
public record HttpReply(int status, String contentType, byte[] body) {
    public HttpReply {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("bad HTTP status " + status);
        }
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(body, "body");
    }

    public static HttpReply text(int status, String text) {
        return new HttpReply(status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code value} as JSON with {@code mapper}. */
    public static HttpReply json(int status, Object value, ObjectMapper mapper) {
        try {
            return new HttpReply(status, "application/json", mapper.writeValueAsBytes(value));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not serialisable as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** {@code {"error": message}}. */
    public static HttpReply error(int status, String message) {
        String json = "{\"error\":\"" + message.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
        return new HttpReply(status, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }
}
