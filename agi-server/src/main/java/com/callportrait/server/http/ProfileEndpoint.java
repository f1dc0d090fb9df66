package com.callportrait.server.http;

import com.callportrait.profile.ProfileStore;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * {@code GET /api/profiles/{phone}}: the portrait of the customer owning the number (any form the
 * phone rule accepts, URL-encoded), 404 when there is none, 503 when the store does not answer.
 * Thread-safe.
 */
public final class ProfileEndpoint implements HttpHandler {
    /** The JSON form of portraits (ISO-8601 times); shared with {@code profile show --json}. */
    public static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private final ProfileStore store;

    public ProfileEndpoint(ProfileStore store) {
        this.store = store;
    }

    @Override
    public CompletionStage<HttpReply> handle(HttpCall call) {
        String phone = URLDecoder.decode(call.param("phone"), StandardCharsets.UTF_8);
        return store.findByPhone(phone).toCompletableFuture().orTimeout(2, TimeUnit.SECONDS).handle((p, e) -> {
            if (e != null) {
                return HttpReply.error(503, "profile store unavailable");
            }
            return p.map(profile -> HttpReply.json(200, profile, JSON))
                    .orElseGet(() -> HttpReply.error(404, "no customer with phone " + phone));
        });
    }
}
