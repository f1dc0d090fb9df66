package com.callportrait.portrait.collect;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The enrichment client against a real local HTTP server that misbehaves on purpose. */
class HttpEnrichmentSourceIT {

    private static HttpServer server(AtomicInteger hits, String mode) throws Exception {
        HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        s.createContext("/attrs/", ex -> {
            int n = hits.incrementAndGet();
            String id = ex.getRequestURI().getPath().substring("/attrs/".length());
            int status;
            String body = "";
            switch (mode) {
                case "flaky" -> { // every first attempt fails with 503, the retry succeeds
                    status = n % 2 == 1 ? 503 : id.equals("C3") ? 404 : 200;
                    body = status == 200 ? "{\"business\":\"true\",\"credit_band\":\"A\"}" : "";
                }
                case "slow" -> {
                    try {
                        Thread.sleep(400);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    status = 200;
                    body = "{}";
                }
                default -> status = 500;
            }
            byte[] b = body.getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(status, b.length == 0 ? -1 : b.length);
            if (b.length > 0) {
                ex.getResponseBody().write(b);
            }
            ex.close();
        });
        s.start();
        return s;
    }

    private static EnrichmentOptions opts(HttpServer s, long timeoutMs) {
        return new EnrichmentOptions(URI.create("http://127.0.0.1:" + s.getAddress().getPort() + "/attrs"),
                Duration.ofMillis(timeoutMs), 2, Duration.ofMillis(10), 3, Duration.ofSeconds(60));
    }

    @Test
    void retriesWithBackoffThenReadsAttributes() throws Exception {
        AtomicInteger hits = new AtomicInteger();
        HttpServer s = server(hits, "flaky");
        try {
            List<EnrichmentRecord> got = new ArrayList<>();
            HttpEnrichmentSource src = new HttpEnrichmentSource(opts(s, 1000), () -> List.of("C1", "C2", "C3"));
            long n = src.readInto(new RecordSink() {
                @Override public void enrichment(EnrichmentRecord r) { got.add(r); }
            });
            assertThat(n).isEqualTo(2);
            assertThat(got.get(0).attributes()).containsEntry("business", "true").containsEntry("credit_band", "A");
            assertThat(src.counts()).containsEntry("retries", 3L).containsEntry("ok", 2L).containsEntry("not_found", 1L);
            assertThat(src.circuit()).isEqualTo("closed");
        } finally {
            s.stop(0);
        }
    }

    @Test
    void aDeadPartnerOpensTheCircuitAndTheBuildMovesOn() throws Exception {
        AtomicInteger hits = new AtomicInteger();
        HttpServer s = server(hits, "slow");
        try {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                ids.add("C" + i);
            }
            HttpEnrichmentSource src = new HttpEnrichmentSource(opts(s, 100), () -> ids);
            assertThat(src.readInto(new RecordSink() { })).isZero();
            // 3 customers x 3 attempts time out, then the circuit is open for the other 47
            assertThat(src.counts()).containsEntry("timeout", 9L).containsEntry("failed", 3L)
                    .containsEntry("skipped_open_circuit", 47L);
            assertThat(src.circuit()).isEqualTo("open");
            assertThat(hits.get()).isLessThanOrEqualTo(9);
        } finally {
            s.stop(0);
        }
    }
}
