package com.callportrait.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.callportrait.common.config.Env;
import com.callportrait.profile.redis.TestProfiles;
import com.callportrait.live.TokenService;
import com.callportrait.live.TokenService.Role;
import com.callportrait.server.http.Access;
import com.callportrait.server.http.Router;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Walks EVERY HTTP path of the running application, as the router lists it (so a path added
 * later is walked too, and fails here until its access is stated below), with no token, a forged
 * one, an expired one, one of a role the path does not admit, and the right one; every refusal
 * and error body is valid JSON; pages move the token from the URL into an HttpOnly, SameSite
 * cookie; the cookie opens the data routes; the profile API scopes agents to their own callers.
 */
class HttpAccessIT {
    static final String SECRET = "http-access-it-secret-0123456789abcdef";
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /**
     * The stated access of every path. A path the router lists and this table does not (or the
     * other way round) fails the walk: adding a path means stating here who may use it.
     */
    static final Map<String, String> STATED = new LinkedHashMap<>();

    static {
        STATED.put("GET /health", "public");
        STATED.put("GET /health/ready", "public");
        STATED.put("GET /health/live", "public");
        STATED.put("GET /metrics", "public");
        STATED.put("GET /api/profiles/{phone}", "agent,service,supervisor");
        STATED.put("GET /agent/{agent}", "public");
        STATED.put("GET /supervisor", "public");
        STATED.put("GET /static/{file}", "public");
        STATED.put("GET /api/calls", "service,supervisor");
        STATED.put("GET /api/insights", "service,supervisor");
        STATED.put("GET /ws/agent/{agent}", "agent (agent: own {agent} only)");
        STATED.put("GET /ws/supervisor", "supervisor");
        STATED.put("POST /session", "agent,supervisor");
        STATED.put("DELETE /session", "public");
    }

    /** A value for each path parameter. */
    static final Map<String, String> SAMPLE = Map.of("phone", "5551234", "agent", "alice", "file", "agent.js");

    @TempDir
    static Path dataDir;
    static RedisBackend redis;
    static Telemetry telemetry;
    static Application app;
    static TokenService tokens;
    static TokenService past;

    @BeforeAll
    static void start() throws Exception {
        Env env = Env.of(Map.of("CP_AGI_PORT", "0", "CP_HTTP_PORT", "0", "CP_AUDIOSOCKET_PORT", "0",
                "CP_REDIS_EMBEDDED_PORT", "0", "CP_DATA_DIR", dataDir.toString(), "CP_BIND_ADDRESS", "127.0.0.1",
                "CP_TOKEN_SECRET", SECRET, "CP_SPEECH", "off", "CP_HTTP_AUTH_FAILURES", "100000"));
        Settings settings = Settings.from(env).withSpeech(SpeechSettings.off());
        redis = RedisBackend.open(settings.app(), RedisBackend.Embedded.START);
        redis.store().save(TestProfiles.asteriskJane()).toCompletableFuture().get(10, TimeUnit.SECONDS);
        telemetry = new Telemetry();
        app = Application.start(settings, redis, telemetry);
        tokens = app.tokens();
        // the same secret two hours ago: its one-hour tokens are correctly signed and expired now
        past = TokenService.of(SECRET.getBytes(StandardCharsets.UTF_8),
                Clock.offset(Clock.systemUTC(), Duration.ofHours(-2)));
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
        if (redis != null) {
            redis.close();
        }
        if (telemetry != null) {
            telemetry.close();
        }
    }

    /** A token of {@code role} for this route (an agent token for the path's own agent). */
    static String right(Role role) {
        return tokens.issue(role, role == Role.AGENT ? "alice" : role.wireName(), Duration.ofHours(1));
    }

    /** The outcome the walk expects, and what it got. */
    record Seen(String route, String credential, int expected, int status) {
    }

    @Test
    void everyPathAnswersOnlyTheTokensItsAccessAdmits() throws Exception {
        Router router = app.httpRoutes();
        Map<String, String> listed = new LinkedHashMap<>();
        router.routes().forEach(e -> listed.put(e.method() + " " + e.pattern(), e.access().toString()));
        assertThat(listed).as("every path the server answers, with its access (state a new one in STATED)")
                .containsExactlyInAnyOrderEntriesOf(STATED);

        List<Seen> seen = new ArrayList<>();
        for (Router.Entry e : router.routes()) {
            String path = concrete(e.pattern());
            String route = e.method() + " " + e.pattern();
            Access access = e.access();
            if (access.isPublic()) {
                int ok = okStatus(e);
                seen.add(new Seen(route, "none", ok, call(e, path, Optional.empty())));
                seen.add(new Seen(route, "forged", ok, call(e, path, Optional.of(forged()))));
                seen.add(new Seen(route, "expired", ok, call(e, path, Optional.of(
                        past.issue(Role.SUPERVISOR, "supervisor", Duration.ofHours(1))))));
                continue;
            }
            Role admitted = access.roles().contains(Role.SUPERVISOR) ? Role.SUPERVISOR : Role.AGENT;
            seen.add(new Seen(route, "none", 401, call(e, path, Optional.empty())));
            seen.add(new Seen(route, "forged", 401, call(e, path, Optional.of(forged()))));
            seen.add(new Seen(route, "expired", 401, call(e, path, Optional.of(
                    past.issue(admitted, admitted == Role.AGENT ? "alice" : "supervisor", Duration.ofHours(1))))));
            for (Role r : Role.values()) {
                if (!access.roles().contains(r)) {
                    seen.add(new Seen(route, "wrong role " + r.wireName(), 403, call(e, path, Optional.of(right(r)))));
                }
            }
            if (access.ownParam().isPresent()) {
                seen.add(new Seen(route, "another agent", 403, call(e, path,
                        Optional.of(tokens.issue(Role.AGENT, "bob", Duration.ofHours(1))))));
            }
            if (route.equals("GET /api/profiles/{phone}")) {
                seen.add(new Seen(route, "agent not on a call from this number", 403,
                        call(e, path, Optional.of(right(Role.AGENT)))));
            }
            for (Role r : access.roles()) {
                if (route.equals("GET /api/profiles/{phone}") && r == Role.AGENT) {
                    continue; // scoped: above
                }
                seen.add(new Seen(route, "right " + r.wireName(), okStatus(e), call(e, path, Optional.of(right(r)))));
            }
        }
        List<Seen> wrong = seen.stream().filter(s -> s.expected() != s.status()).toList();
        assertThat(wrong).as("requests answered otherwise than their route's access says").isEmpty();
        assertThat(seen.stream().map(Seen::route).distinct()).hasSize(STATED.size());
        assertThat(seen).hasSizeGreaterThan(STATED.size() * 3);
    }

    @Test
    void refusalsAndErrorsAreJsonAndCounted() throws Exception {
        String sup = right(Role.SUPERVISOR);
        for (String[] c : new String[][] {{"/api/profiles/a%0Ab", sup}, {"/api/profiles/a%22b%5C", sup},
                {"/api/profiles/5551234", null}, {"/api/profiles/5551234", forged()}, {"/no/such%0Apath", null},
                {"/api/calls", "x"}, {"/static/nope", null}}) {
            HttpRequest.Builder b = HttpRequest.newBuilder(uri(c[0])).timeout(Duration.ofSeconds(10));
            if (c[1] != null) {
                b.header("Authorization", "Bearer " + c[1]);
            }
            HttpResponse<String> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(c[0]).isGreaterThanOrEqualTo(400);
            assertThat(r.headers().firstValue("content-type").orElse("")).as(c[0]).startsWith("application/json");
            JsonNode body = JSON.readTree(r.body());
            assertThat(body.path("error").asText()).as(c[0] + " " + r.body()).isNotBlank();
        }
        HttpResponse<String> metrics = CLIENT.send(HttpRequest.newBuilder(uri("/metrics")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(metric(metrics.body(), "cp_http_auth_failures_total{reason=\"invalid\"")).isGreaterThanOrEqualTo(2);
        assertThat(metric(metrics.body(), "cp_http_auth_failures_total{reason=\"missing\"")).isGreaterThanOrEqualTo(1);
        assertThat(metrics.body()).as("no phone number in the public metrics").doesNotContain("5551234");
    }

    @Test
    void aPageMovesItsTokenIntoAnHttpOnlyCookieThatOpensTheDataRoutesOfThisOriginOnly() throws Exception {
        String alice = tokens.issue(Role.AGENT, "alice", Duration.ofHours(1));
        HttpResponse<String> page = CLIENT.send(HttpRequest.newBuilder(uri("/agent/alice?token=" + alice)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("referrer-policy")).contains("no-referrer");
        String cookie = page.headers().firstValue("set-cookie").orElseThrow();
        assertThat(cookie).startsWith("cp_token=" + alice + ";").containsIgnoringCase("; HttpOnly").contains("SameSite=Strict")
                .contains("Path=/").containsPattern("Max-Age=3[0-9]{3}");
        assertThat(CLIENT.send(HttpRequest.newBuilder(uri("/agent/bob?token=" + alice)).build(),
                HttpResponse.BodyHandlers.ofString()).headers().firstValue("set-cookie"))
                .as("another agent's page does not take alice's token").isEmpty();
        // the page script drops the query from the address bar and history
        String js = CLIENT.send(HttpRequest.newBuilder(uri("/static/agent.js")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(js).contains("history.replaceState").doesNotContain("'?token='").doesNotContain("sessionStorage");

        String sup = right(Role.SUPERVISOR);
        HttpResponse<String> calls = CLIENT.send(HttpRequest.newBuilder(uri("/api/calls"))
                .header("Cookie", "cp_token=" + sup).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(calls.statusCode()).as("the supervisor page's cookie reads the call table").isEqualTo(200);
        assertThat(JSON.readTree(calls.body()).isArray()).isTrue();
        assertThat(CLIENT.send(HttpRequest.newBuilder(uri("/api/calls")).header("Cookie", "cp_token=" + alice).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).as("an agent's cookie does not").isEqualTo(403);

        // the cookie on a socket opened by another site's script is refused
        int cross = wsStatus("/ws/agent/alice", Map.of("Cookie", "cp_token=" + alice, "Origin", "http://evil.example"));
        assertThat(cross).isEqualTo(403);
        int same = wsStatus("/ws/agent/alice", Map.of("Cookie", "cp_token=" + alice, "Origin",
                "http://127.0.0.1:" + app.httpAddress().getPort()));
        assertThat(same).isEqualTo(101);

        // the sign-in form exchanges a pasted token for the cookie; sign out removes it
        HttpResponse<String> session = CLIENT.send(HttpRequest.newBuilder(uri("/session"))
                .header("Authorization", "Bearer " + alice).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(session.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(session.body()).path("name").asText()).isEqualTo("alice");
        assertThat(session.headers().firstValue("set-cookie").orElseThrow()).containsIgnoringCase("HttpOnly");
        HttpResponse<String> out = CLIENT.send(HttpRequest.newBuilder(uri("/session")).DELETE().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(out.headers().firstValue("set-cookie").orElseThrow()).startsWith("cp_token=;").contains("Max-Age=0");
    }

    // ---- walking

    static String forged() {
        return "supervisor.supervisor.9999999999.forged-signature";
    }

    static String concrete(String pattern) {
        Matcher m = Pattern.compile("\\{([a-z]+)}").matcher(pattern);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            String v = SAMPLE.get(m.group(1));
            if (v == null) {
                fail("no sample value for {" + m.group(1) + "} in " + pattern + ": add one to SAMPLE");
            }
            m.appendReplacement(b, v);
        }
        return m.appendTail(b).toString();
    }

    static int okStatus(Router.Entry e) {
        return e.pattern().startsWith("/ws/") ? 101 : 200;
    }

    /** Sends {@code e}'s method to {@code path} with the token as a bearer header; WebSockets are opened. */
    static int call(Router.Entry e, String path, Optional<String> token) throws Exception {
        if (e.pattern().startsWith("/ws/")) {
            return wsStatus(path, token.map(t -> Map.of("Authorization", "Bearer " + t)).orElse(Map.of()));
        }
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10))
                .method(e.method(), HttpRequest.BodyPublishers.noBody());
        token.ifPresent(t -> b.header("Authorization", "Bearer " + t));
        HttpResponse<String> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 400) {
            assertThat(JSON.readTree(r.body()).path("error").asText()).as(e + " " + r.body()).isNotBlank();
        }
        return r.statusCode();
    }

    /** The status of a WebSocket upgrade (101 = opened, then closed again). */
    static int wsStatus(String path, Map<String, String> headers) throws Exception {
        WebSocket.Builder b = CLIENT.newWebSocketBuilder();
        headers.forEach(b::header);
        try {
            WebSocket ws = b.buildAsync(URI.create("ws://127.0.0.1:" + app.httpAddress().getPort() + path),
                    new WebSocket.Listener() { }).get(10, TimeUnit.SECONDS);
            ws.abort();
            return 101;
        } catch (ExecutionException | CompletionException ex) {
            if (ex.getCause() instanceof WebSocketHandshakeException h) {
                return h.getResponse().statusCode();
            }
            throw ex;
        }
    }

    static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + app.httpAddress().getPort() + path);
    }

    /** The value of the first series starting with {@code prefix} (a name and its first label). */
    static double metric(String body, String prefix) {
        for (String line : body.split("\n")) {
            if (line.startsWith(prefix)) {
                return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1).trim());
            }
        }
        return Double.NaN;
    }
}
