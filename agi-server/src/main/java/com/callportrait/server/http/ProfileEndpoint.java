package com.callportrait.server.http;

import com.callportrait.live.TokenService;
import com.callportrait.profile.ProfileStore;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.BiPredicate;
import java.util.concurrent.TimeUnit;

/**
 * {@code GET /api/profiles/{phone}}: the portrait of the customer owning the number (any form the
 * phone rule accepts, URL-encoded), 404 when there is none, 503 when the store does not answer.
 * Supervisors and integrations read any number; an agent only the number of a caller on one of
 * their own calls ({@code agentSees}), anything else is 403 before the store is asked (so the
 * answer does not tell whether the number is a customer). Errors are JSON. Thread-safe.
 */
public final class ProfileEndpoint implements HttpHandler {
    /** The JSON form of portraits (ISO-8601 times); shared with {@code profile show --json}. */
    public static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private final ProfileStore store;
    private final BiPredicate<String, String> agentSees;

    /** Supervisors and integrations only (no agent sees any profile here). */
    public ProfileEndpoint(ProfileStore store) {
        this(store, (agent, phone) -> false);
    }

    /**
     * @param agentSees whether agent (first argument) is on a call from the phone number (second,
     *                  as decoded from the path)
     */
    public ProfileEndpoint(ProfileStore store, BiPredicate<String, String> agentSees) {
        this.store = store;
        this.agentSees = agentSees;
    }

    @Override
    public CompletionStage<HttpReply> handle(HttpCall call) {
        String phone;
        try {
            phone = URLDecoder.decode(call.param("phone"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedFuture(HttpReply.error(400, "not a phone number"));
        }
        if (phone.length() > 64 || phone.chars().anyMatch(Character::isISOControl)) {
            return CompletableFuture.completedFuture(HttpReply.error(400, "not a phone number"));
        }
        if (call.grant().map(g -> g.role() == TokenService.Role.AGENT && !agentSees.test(g.name(), phone))
                .orElse(false)) {
            return CompletableFuture.completedFuture(HttpReply.error(403, "an agent reads only the profile of"
                    + " a caller on one of their own calls"));
        }
        return store.findByPhone(phone).toCompletableFuture().orTimeout(2, TimeUnit.SECONDS).handle((p, e) -> {
            if (e != null) {
                return HttpReply.error(503, "profile store unavailable");
            }
            return p.map(profile -> HttpReply.json(200, profile, JSON))
                    .orElseGet(() -> HttpReply.error(404, "no customer with this phone number"));
        });
    }
}
