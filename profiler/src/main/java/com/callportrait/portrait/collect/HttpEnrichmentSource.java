package com.callportrait.portrait.collect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Third-party attributes over HTTP, one request per customer, with a timeout, retries with
 * exponential backoff and a {@link CircuitBreaker}: when the partner is down the build skips it
 * quickly (counted as {@code enrichment.skipped_open_circuit}) instead of waiting on every customer.
 * It runs only in the build/refresh path, never on the call path. Counts are kept in
 * {@link #counts()}. Not thread-safe (one build thread).
 */
public final class HttpEnrichmentSource implements Source {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final EnrichmentOptions options;
    private final Supplier<Collection<String>> customerIds;
    private final HttpClient http;
    private final CircuitBreaker breaker;
    private final Map<String, Long> counts = new HashMap<>();

    public HttpEnrichmentSource(EnrichmentOptions options, Supplier<Collection<String>> customerIds) {
        this.options = options;
        this.customerIds = customerIds;
        this.http = HttpClient.newBuilder().connectTimeout(options.timeout()).build();
        this.breaker = new CircuitBreaker(options.breakAfter(), options.openFor(), Clock.systemUTC());
    }

    @Override
    public String name() {
        return "enrichment:" + options.url();
    }

    public Map<String, Long> counts() {
        return Map.copyOf(counts);
    }

    public String circuit() {
        return breaker.state();
    }

    @Override
    public long readInto(RecordSink sink) {
        long n = 0;
        for (String id : customerIds.get()) {
            if (!breaker.allow()) {
                count("skipped_open_circuit");
                continue;
            }
            Map<String, String> attrs = fetch(id);
            if (attrs != null && !attrs.isEmpty()) {
                sink.enrichment(new EnrichmentRecord(id, attrs));
                n++;
            }
        }
        return n;
    }

    /** The attributes, an empty map for 404, {@code null} after the last failed attempt. */
    private Map<String, String> fetch(String id) {
        String base = options.url().toString();
        URI uri = URI.create((base.endsWith("/") ? base : base + "/") + URLEncoder.encode(id, StandardCharsets.UTF_8));
        HttpRequest req = HttpRequest.newBuilder(uri).timeout(options.timeout()).header("Accept", "application/json")
                .GET().build();
        long delay = options.backoff().toMillis();
        for (int attempt = 0; attempt <= options.retries(); attempt++) {
            if (attempt > 0) {
                count("retries");
                sleep(delay);
                delay *= 2;
            }
            try {
                HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 404) {
                    breaker.success();
                    count("not_found");
                    return Map.of();
                }
                if (r.statusCode() == 200) {
                    Map<String, String> out = new HashMap<>();
                    JsonNode n = JSON.readTree(r.body());
                    n.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
                    breaker.success();
                    count("ok");
                    return out;
                }
                if (r.statusCode() != 429 && r.statusCode() < 500) {
                    breaker.success(); // the partner answered; this request is simply bad
                    count("http_" + r.statusCode());
                    return null;
                }
                count("http_" + r.statusCode());
            } catch (java.net.http.HttpTimeoutException e) {
                count("timeout");
            } catch (IOException e) {
                count("io_error");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CollectException("enrichment interrupted", e);
            }
        }
        breaker.failure();
        count("failed");
        return null;
    }

    private void count(String what) {
        counts.merge(what, 1L, Long::sum);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CollectException("enrichment interrupted", e);
        }
    }
}
