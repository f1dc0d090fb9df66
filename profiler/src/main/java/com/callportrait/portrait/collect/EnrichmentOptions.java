package com.callportrait.portrait.collect;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * The third-party enrichment endpoint. {@code GET <url>/<customerId>} answers a JSON object of
 * attributes (404 = nothing known). Immutable, validated.
 *
 * @param url         base URL ({@code CP_ENRICH_URL})
 * @param timeout     per request ({@code CP_ENRICH_TIMEOUT_MS}, default 800 ms)
 * @param retries     extra attempts after a failure or 5xx/429 ({@code CP_ENRICH_RETRIES}, default 2)
 * @param backoff     first retry delay, doubled each retry (default 100 ms)
 * @param breakAfter  consecutive failures that open the circuit (default 5)
 * @param openFor     how long the circuit stays open (default 30 s)
 */
public record EnrichmentOptions(URI url, Duration timeout, int retries, Duration backoff, int breakAfter,
                                Duration openFor) {
    public EnrichmentOptions {
        Objects.requireNonNull(url, "url");
        if (!("http".equals(url.getScheme()) || "https".equals(url.getScheme()))) {
            throw new CollectException("CP_ENRICH_URL must be http(s), was " + url);
        }
        if (timeout.isNegative() || timeout.isZero() || retries < 0 || retries > 10 || breakAfter < 1) {
            throw new CollectException("enrichment: timeout > 0, retries 0-10, breakAfter >= 1 required");
        }
    }

    public static EnrichmentOptions of(String url) {
        return new EnrichmentOptions(URI.create(url), Duration.ofMillis(800), 2, Duration.ofMillis(100), 5,
                Duration.ofSeconds(30));
    }

    /** From {@code CP_ENRICH_URL}, {@code CP_ENRICH_TIMEOUT_MS}, {@code CP_ENRICH_RETRIES}; empty when no URL. */
    public static java.util.Optional<EnrichmentOptions> fromEnv(Map<String, String> env) {
        String url = env.get("CP_ENRICH_URL");
        if (url == null || url.isBlank()) {
            return java.util.Optional.empty();
        }
        try {
            EnrichmentOptions d = of(url.trim());
            return java.util.Optional.of(new EnrichmentOptions(d.url(),
                    Duration.ofMillis(Long.parseLong(env.getOrDefault("CP_ENRICH_TIMEOUT_MS", "800"))),
                    Integer.parseInt(env.getOrDefault("CP_ENRICH_RETRIES", "2")), d.backoff(), d.breakAfter(),
                    d.openFor()));
        } catch (NumberFormatException e) {
            throw new CollectException("CP_ENRICH_TIMEOUT_MS / CP_ENRICH_RETRIES must be integers", e);
        }
    }
}
