package com.callportrait.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.callportrait.common.net.SourceAllowList;
import com.callportrait.live.TokenService;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * The gate on a real socket: failed token checks are counted per reason and, past
 * {@code CP_HTTP_AUTH_FAILURES}, the source gets 429 even with a right token; a source outside
 * {@code CP_HTTP_ALLOW} is closed before any request is read.
 */
class AccessGateIT {
    static final TokenService TOKENS = TokenService.of("access-gate-it-secret-0123456789abcdef"
            .getBytes(StandardCharsets.UTF_8), Clock.systemUTC());
    static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    static Router router() {
        HttpHandler ok = call -> CompletableFuture.completedFuture(HttpReply.text(200, "ok"));
        return Router.builder().get("/open", Access.PUBLIC, ok).get("/data", ok).build();
    }

    static int get(int port, String path, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(5));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void failedChecksAreCountedAndThrottledPerSource() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        HttpServer server = HttpServer.secured(router(), List.of(), TOKENS,
                HttpOptions.builder().failuresPerMinute(3).build(), registry);
        try {
            int port = server.start(0).getPort();
            String right = TOKENS.issue(TokenService.Role.SUPERVISOR, "supervisor", Duration.ofHours(1));
            assertThat(get(port, "/data", right)).isEqualTo(200);
            assertThat(get(port, "/data", null)).isEqualTo(401);
            assertThat(get(port, "/data", null)).as("a missing token is no guess: not throttled").isEqualTo(401);
            assertThat(get(port, "/data", "supervisor.supervisor.1.x")).isEqualTo(401);
            assertThat(get(port, "/data", TOKENS.issue(TokenService.Role.AGENT, "a", Duration.ofHours(1))))
                    .isEqualTo(403);
            assertThat(get(port, "/data", right)).as("two failures of three: still served").isEqualTo(200);
            assertThat(get(port, "/data", "x.y.z.w")).isEqualTo(401);
            assertThat(get(port, "/data", right)).as("third failure: the source is refused").isEqualTo(429);
            assertThat(get(port, "/open", null)).as("public paths stay open").isEqualTo(200);
            assertThat(registry.counter("cp.http.auth.failures", "reason", "missing").count()).isEqualTo(2);
            assertThat(registry.counter("cp.http.auth.failures", "reason", "invalid").count()).isEqualTo(2);
            assertThat(registry.counter("cp.http.auth.failures", "reason", "forbidden").count()).isEqualTo(1);
            assertThat(registry.counter("cp.http.auth.throttled").count()).isEqualTo(1);
        } finally {
            server.close();
        }
    }

    @Test
    void aSourceOutsideTheAllowListIsClosedBeforeItsRequestIsRead() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        HttpServer server = HttpServer.secured(router(), List.of(), TOKENS, HttpOptions.builder()
                .allow(SourceAllowList.parse("CP_HTTP_ALLOW", "192.0.2.0/24")).build(), registry);
        try {
            int port = server.start(0).getPort();
            assertThatThrownBy(() -> get(port, "/open", null)).isInstanceOf(IOException.class);
            assertThat(registry.counter("cp.connections.refused", "server", "http").count()).isGreaterThanOrEqualTo(1);
        } finally {
            server.close();
        }
        HttpServer open = HttpServer.secured(router(), List.of(), TOKENS, HttpOptions.builder()
                .allow(SourceAllowList.parse("CP_HTTP_ALLOW", "127.0.0.1,192.0.2.0/24")).build(), registry);
        try {
            assertThat(get(open.start(0).getPort(), "/open", null)).isEqualTo(200);
        } finally {
            open.close();
        }
    }
}
