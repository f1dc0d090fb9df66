package com.callportrait.portrait.collect;

import com.callportrait.common.config.ConfigException;
import com.callportrait.common.config.Env;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The third-party enrichment endpoint. {@code GET <url>/<customerId>} answers a JSON object of
 * attributes (404 = nothing known). Immutable and thread-safe; built by {@link #from(Env)} or
 * {@link #builder(String)}. A bad setting throws a {@link ConfigException} naming the variable
 * ({@code breakAfter} and {@code openFor} have none and throw {@link IllegalArgumentException}).
 *
 * @param url         base URL ({@code CP_ENRICH_URL})
 * @param timeout     per request ({@code CP_ENRICH_TIMEOUT_MS})
 * @param retries     extra attempts after a failure or 5xx/429 ({@code CP_ENRICH_RETRIES})
 * @param backoff     first retry delay, doubled each retry
 * @param breakAfter  consecutive failures that open the circuit
 * @param openFor     how long the circuit stays open
 */
public record EnrichmentOptions(URI url, Duration timeout, int retries, Duration backoff, int breakAfter,
                                Duration openFor) {
    /** A slow enrichment service must not hold a build back: 800 ms a request. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMillis(800);
    /** Two more attempts after a failure, 5xx or 429. */
    public static final int DEFAULT_RETRIES = 2;
    /** The first retry waits 100 ms, doubled each retry. */
    public static final Duration DEFAULT_BACKOFF = Duration.ofMillis(100);
    /** Five failures in a row open the circuit. */
    public static final int DEFAULT_BREAK_AFTER = 5;
    /** An open circuit stays open for 30 s. */
    public static final Duration DEFAULT_OPEN_FOR = Duration.ofSeconds(30);
    /** The most retries accepted. */
    public static final int MAX_RETRIES = 10;

    private static final long MAX_TIMEOUT_MS = 600_000;

    public EnrichmentOptions {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(backoff, "backoff");
        Objects.requireNonNull(openFor, "openFor");
        if (!("http".equals(url.getScheme()) || "https".equals(url.getScheme()))) {
            throw new ConfigException("CP_ENRICH_URL", "must be http(s), was " + url);
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new ConfigException("CP_ENRICH_TIMEOUT_MS", "must be > 0, was " + timeout.toMillis());
        }
        if (retries < 0 || retries > MAX_RETRIES) {
            throw new ConfigException("CP_ENRICH_RETRIES", "must be 0-" + MAX_RETRIES + ", was " + retries);
        }
        if (breakAfter < 1 || backoff.isNegative() || openFor.isNegative()) {
            throw new IllegalArgumentException("enrichment: breakAfter >= 1, backoff and openFor >= 0 required");
        }
    }

    /** Options for {@code url} with every other value at its default. */
    public static EnrichmentOptions of(String url) {
        return builder(url).build();
    }

    /** A builder for the service at {@code url}. */
    public static Builder builder(String url) {
        return new Builder(url);
    }

    /**
     * From {@code CP_ENRICH_URL}, {@code CP_ENRICH_TIMEOUT_MS} and {@code CP_ENRICH_RETRIES}.
     *
     * @return empty when {@code CP_ENRICH_URL} is unset: no enrichment
     * @throws ConfigException naming the variable when a value is invalid
     */
    public static Optional<EnrichmentOptions> from(Env env) {
        Optional<URI> url = env.uri("CP_ENRICH_URL", "http", "https");
        if (url.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Builder(url.get())
                .timeout(env.millis("CP_ENRICH_TIMEOUT_MS", DEFAULT_TIMEOUT, 1, MAX_TIMEOUT_MS))
                .retries(env.intIn("CP_ENRICH_RETRIES", DEFAULT_RETRIES, 0, MAX_RETRIES))
                .build());
    }

    /** Builds {@link EnrichmentOptions}; every value not set keeps its default. Not thread-safe. */
    public static final class Builder {
        private final URI url;
        private Duration timeout = DEFAULT_TIMEOUT;
        private int retries = DEFAULT_RETRIES;
        private Duration backoff = DEFAULT_BACKOFF;
        private int breakAfter = DEFAULT_BREAK_AFTER;
        private Duration openFor = DEFAULT_OPEN_FOR;

        private Builder(String url) {
            URI u;
            try {
                u = URI.create(Objects.requireNonNull(url, "url"));
            } catch (IllegalArgumentException e) {
                throw new ConfigException("CP_ENRICH_URL", "is not a URI: " + e.getMessage());
            }
            this.url = u;
        }

        private Builder(URI url) {
            this.url = url;
        }

        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        public Builder retries(int retries) {
            this.retries = retries;
            return this;
        }

        public Builder backoff(Duration backoff) {
            this.backoff = backoff;
            return this;
        }

        public Builder breakAfter(int breakAfter) {
            this.breakAfter = breakAfter;
            return this;
        }

        public Builder openFor(Duration openFor) {
            this.openFor = openFor;
            return this;
        }

        public EnrichmentOptions build() {
            return new EnrichmentOptions(url, timeout, retries, backoff, breakAfter, openFor);
        }
    }
}
