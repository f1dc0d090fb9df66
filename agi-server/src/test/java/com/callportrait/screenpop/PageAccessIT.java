package com.callportrait.screenpop;

import static org.assertj.core.api.Assertions.assertThat;

import com.callportrait.events.EventWriter;
import com.callportrait.live.TokenService;
import com.callportrait.live.calls.CallRegistry;
import com.callportrait.server.http.HttpServer;
import com.callportrait.server.http.Router;
import com.callportrait.testkit.ListSink;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Tokens on the real HTTP/WebSocket server: every connect is checked (expired, another agent's,
 * wrong role, tampered signature, another server's secret: all refused with 401), and an open
 * socket is closed (1008) when its token expires.
 */
class PageAccessIT {
    static final byte[] SECRET = "page-access-it-secret-0123456789abcdef".getBytes(StandardCharsets.UTF_8);
    static final TokenService TOKENS = TokenService.of(SECRET, Clock.systemUTC());
    static final HttpClient CLIENT = HttpClient.newHttpClient();
    static HttpServer server;
    static EventWriter events;
    static int port;
    static final java.util.concurrent.ScheduledExecutorService SCHEDULER =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor();

    @BeforeAll
    static void start() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        CallRegistry calls = CallRegistry.create(Clock.systemUTC(), Duration.ofHours(1));
        events = EventWriter.create(new ListSink(), 100, registry).start();
        ScreenPopHandler pages = ScreenPopHandler.create(ScreenPopHub.create(calls, registry, SCHEDULER), TOKENS, calls,
                FeedbackRecorder.create(events, calls));
        server = HttpServer.create(Router.builder().build(), List.of(pages));
        port = server.start("127.0.0.1", 0).getPort();
    }

    @AfterAll
    static void stop() {
        server.close();
        events.close(Duration.ofSeconds(2));
        SCHEDULER.shutdownNow();
    }

    /** The HTTP status of a WebSocket upgrade to {@code path} with {@code token} (101 = opened). */
    static int connect(String path, String token) throws Exception {
        try {
            WebSocket ws = CLIENT.newWebSocketBuilder().buildAsync(URI.create("ws://127.0.0.1:" + port + path
                    + "?token=" + token), new WebSocket.Listener() { }).get(10, TimeUnit.SECONDS);
            ws.abort();
            return 101;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException h) {
                return h.getResponse().statusCode();
            }
            throw e;
        }
    }

    static int get(String path, String bearer) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    static String tamper(String token) {
        char last = token.charAt(token.length() - 1);
        return token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');
    }

    @Test
    void anAgentTokenOpensOnlyThatAgentsSocketWhileItIsValid() throws Exception {
        String alice = TOKENS.issue(TokenService.Role.AGENT, "alice", Duration.ofHours(8));
        assertThat(connect("/ws/agent/alice", alice)).isEqualTo(101);
        assertThat(connect("/ws/agent/bob", alice)).as("agent A's token for agent B: valid, not permitted")
                .isEqualTo(403);
        assertThat(connect("/ws/agent/alice", tamper(alice))).as("tampered signature").isEqualTo(401);
        String[] p = alice.split("\\.");
        assertThat(connect("/ws/agent/bob", "agent.bob." + p[2] + "." + p[3])).as("name swapped, old signature")
                .isEqualTo(401);
        String expired = TokenService.of(SECRET, Clock.offset(Clock.systemUTC(), Duration.ofHours(-9)))
                .issue(TokenService.Role.AGENT, "alice", Duration.ofHours(8));
        assertThat(connect("/ws/agent/alice", expired)).as("expired an hour ago").isEqualTo(401);
        String foreign = TokenService.of("another-server-secret-0123456789abcdef".getBytes(StandardCharsets.UTF_8),
                Clock.systemUTC()).issue(TokenService.Role.AGENT, "alice", Duration.ofHours(8));
        assertThat(connect("/ws/agent/alice", foreign)).as("signed with another secret").isEqualTo(401);
        assertThat(connect("/ws/agent/alice", "")).isEqualTo(401);
    }

    @Test
    void supervisorPathsNeedTheSupervisorRole() throws Exception {
        String agent = TOKENS.issue(TokenService.Role.AGENT, "supervisor", Duration.ofHours(8));
        String supervisor = TOKENS.issue(TokenService.Role.SUPERVISOR, "supervisor", Duration.ofHours(8));
        assertThat(connect("/ws/supervisor", agent)).as("an agent token, even one named supervisor").isEqualTo(403);
        assertThat(get("/api/calls", agent)).isEqualTo(403);
        assertThat(get("/api/calls?token=" + agent, null)).isEqualTo(403);
        assertThat(get("/api/calls", null)).isEqualTo(401);
        assertThat(get("/api/calls", tamper(supervisor))).isEqualTo(401);
        assertThat(connect("/ws/supervisor", supervisor)).isEqualTo(101);
        assertThat(get("/api/calls", supervisor)).isEqualTo(200);
        assertThat(connect("/ws/agent/alice", supervisor)).as("a supervisor token is no agent token").isEqualTo(403);
        String crm = TOKENS.issue(TokenService.Role.SERVICE, "crm", Duration.ofHours(8));
        assertThat(get("/api/calls", crm)).as("an integration reads every call").isEqualTo(200);
        assertThat(connect("/ws/supervisor", crm)).as("but opens no page socket").isEqualTo(403);
    }

    @Test
    void anOpenSocketIsClosedWhenItsTokenExpires() throws Exception {
        String shortLived = TOKENS.issue(TokenService.Role.AGENT, "carol", Duration.ofSeconds(2));
        CompletableFuture<String> closed = new CompletableFuture<>();
        WebSocket ws = CLIENT.newWebSocketBuilder().buildAsync(URI.create("ws://127.0.0.1:" + port
                + "/ws/agent/carol?token=" + shortLived), new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onClose(WebSocket w, int status, String reason) {
                        closed.complete(status + " " + reason);
                        return null;
                    }
                }).get(10, TimeUnit.SECONDS);
        assertThat(ws.isInputClosed()).isFalse();
        assertThat(closed.get(15, TimeUnit.SECONDS)).isEqualTo("1008 token expired");
        assertThat(connect("/ws/agent/carol", shortLived)).as("and it cannot reconnect").isEqualTo(401);
    }
}
