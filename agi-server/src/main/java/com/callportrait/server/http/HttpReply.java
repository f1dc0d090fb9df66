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
 * @param headers     extra response headers (e.g. {@code Retry-After}, {@code WWW-Authenticate})
 */
public record HttpReply(int status, String contentType, byte[] body, java.util.Map<String, String> headers) {
    public HttpReply {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("bad HTTP status " + status);
        }
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(body, "body");
        headers = java.util.Map.copyOf(headers);
    }

    /** A reply without extra headers. */
    public HttpReply(int status, String contentType, byte[] body) {
        this(status, contentType, body, java.util.Map.of());
    }

    /** A copy with one more header. */
    public HttpReply withHeader(String name, String value) {
        java.util.Map<String, String> h = new java.util.LinkedHashMap<>(headers);
        h.put(name, value);
        return new HttpReply(status, contentType, body, h);
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

    /**
     * {@code {"error": message}}, written by Jackson: any character in {@code message} (a newline
     * or a quote from a decoded path) is escaped, so the body is always valid JSON.
     */
    public static HttpReply error(int status, String message) {
        return json(status, java.util.Map.of("error", message), ERRORS);
    }

    private static final ObjectMapper ERRORS = new ObjectMapper();
}
