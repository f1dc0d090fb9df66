package com.callportrait.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.callportrait.common.config.Env;
import com.callportrait.profile.redis.TestProfiles;
import com.callportrait.simulator.agi.AgiConnection;
import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole application on a real embedded Redis: FastAGI routing from stored profiles, the
 * {@code cp:events} stream, the HTTP endpoints, and fail-open routing once Redis is stopped.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ApplicationIT {
    @TempDir
    static Path dataDir;

    static RedisBackend redis;
    static Telemetry telemetry;
    static Application app;
    static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() throws Exception {
        AppOptions o = AppOptions.from(Env.of(Map.of("CP_AGI_PORT", "0", "CP_HTTP_PORT", "0", "CP_AUDIOSOCKET_PORT", "0",
                "CP_REDIS_EMBEDDED_PORT", "0", "CP_DATA_DIR", dataDir.toString(), "CP_BIND_ADDRESS", "127.0.0.1",
                "CP_SHUTDOWN_GRACE_MS", "2000")));
        redis = RedisBackend.open(o, RedisBackend.Embedded.START);
        redis.store().save(TestProfiles.asteriskJane()).toCompletableFuture().get(10, TimeUnit.SECONDS);
        telemetry = new Telemetry();
        app = Application.start(o, redis, telemetry);
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

    /** The queue, pool and loop series of the running application with speech on and no AMI (HealthIT checks AMI's). */
    static final List<String> QUEUE_SERIES = List.of(
            "cp_agi_sessions_active", "cp_netty_pending_tasks{loop=\"agi\"}", "cp_netty_pending_tasks{loop=\"http\"}",
            "cp_netty_pending_tasks{loop=\"audiosocket\"}",
            "cp_events_queued", "cp_events_capacity", "cp_events_dropped_total", "cp_events_retries_total",
            "cp_interactions_queued", "cp_interactions_capacity", "cp_interactions_dropped_total",
            "cp_interactions_append_failures_total",
            "cp_speech_calls_active", "cp_speech_backlog_frames", "cp_speech_backlog_max_frames",
            "cp_speech_mailbox_capacity_frames", "cp_speech_lag_seconds", "cp_speech_frames_shed_total",
            "cp_speech_partials_dropped_total", "cp_speech_pool_waiting",
            "cp_executor_pool_size_threads{name=\"speech-recognition\"}",
            "cp_executor_active_threads{name=\"speech-recognition\"}",
            "cp_executor_queued_tasks{name=\"speech-recognition\"}",
            "cp_executor_completed_tasks_total{name=\"speech-recognition\"}",
            "cp_screenpop_sockets{role=\"agent\"}", "cp_screenpop_sockets{role=\"supervisor\"}",
            "cp_screenpop_sockets_backed_up", "cp_screenpop_messages_dropped_total",
            "cp_calls_live",
            "cp_health_status{check=\"agi\"}", "cp_health_status{check=\"redis\"}",
            "cp_health_status{check=\"backlog\"}", "cp_health_status{check=\"ami\"}",
            "cp_health_status{check=\"speech\"}");

    private static HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.httpAddress().getPort() + path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String path, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.httpAddress().getPort() + path))
                .header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Map<String, String> route(String callerId, String uniqueId) throws Exception {
        try (AgiConnection a = AgiConnection.connect(app.agiAddress())) {
            a.send(AgiConnection.environment("route", callerId, uniqueId));
            Map<String, String> vars = AgiConnection.msetVariables(a.readCommand());
            a.send("200 result=0\n");
            assertThat(a.closedByServer()).isTrue();
            return vars;
        }
    }

    @Test
    @Order(1)
    void routesAKnownCallerFromRedisAndAppendsTheDecisionToTheStream() throws Exception {
        Map<String, String> vars = route("5551234", "1795339360.19");
        assertThat(vars).containsEntry("CP_QUEUE", "billing").containsEntry("CP_PRIORITY", "10")
                .containsEntry("CP_VIP", "1").containsEntry("CP_CUSTOMER_ID", "CUST-1001").containsEntry("CP_DEGRADED", "0");
        List<StreamMessage<String, String>> stream = List.of();
        for (int i = 0; i < 300 && stream.isEmpty(); i++) {
            stream = redis.connector().sync().xrange("cp:events", Range.create("-", "+"));
            Thread.sleep(10);
        }
        assertThat(stream).hasSize(1);
        Map<String, String> e = stream.get(0).getBody();
        assertThat(e).containsEntry("type", "route").containsEntry("call", vars.get("CP_UUID"))
                .containsEntry("uniqueid", "1795339360.19").containsEntry("phone", "5551234")
                .containsEntry("queue", "billing").containsEntry("priority", "10").containsEntry("degraded", "0")
                .containsEntry("rule", "priority:platinum,topic:billing").containsKey("ts");
    }

    @Test
    @Order(2)
    void httpServesHealthProfilesAndMetrics() throws Exception {
        String crm = app.tokens().issue(com.callportrait.live.TokenService.Role.SERVICE, "crm", Duration.ofHours(1));
        HttpResponse<String> health = get("/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"").contains("\"redis\":{\"status\":\"UP\"")
                .contains("\"agi\":{\"status\":\"UP\"").contains("\"ami\":{\"status\":\"OFF\"");
        assertThat(get("/health/ready").statusCode()).isEqualTo(200);
        assertThat(get("/health/live").body()).isEqualTo("{\"status\":\"UP\"}");
        assertThat(health.body()).contains("\"speech\":{\"model\":").contains("\"audiosocket_port\":");

        assertThat(get("/api/profiles/5551234").statusCode()).as("customer data needs a token").isEqualTo(401);
        HttpResponse<String> profile = get("/api/profiles/5551234", crm);
        assertThat(profile.statusCode()).isEqualTo(200);
        assertThat(profile.headers().firstValue("content-type")).contains("application/json");
        assertThat(profile.body()).contains("\"customerId\" : \"CUST-1001\"").contains("\"tier\" : \"PLATINUM\"");
        assertThat(get("/api/profiles/%2B1%20555%20000%200000", crm).statusCode()).isEqualTo(404);
        assertThat(get("/no/such/path").statusCode()).isEqualTo(404);

        HttpResponse<String> metrics = get("/metrics");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("cp_agi_sessions_total{outcome=\"completed\"}")
                .contains("cp_agi_session_duration_seconds_bucket").contains("cp_route_round_trips")
                .contains("cp_events_written_total").contains("jvm_memory_used_bytes");
        // every queue, pool and event loop exposes its size, capacity and rejections (docs/agi.md, "Metrics")
        for (String series : QUEUE_SERIES) {
            assertThat(metrics.body()).as(series).containsPattern("(?m)^" + java.util.regex.Pattern.quote(series) + "[ {]");
        }
    }

    @Test
    @Order(3)
    void periodicWorkRunsOnTheOneSharedScheduler() {
        List<String> threads = Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)
                .map(Thread::getName).toList();
        assertThat(threads.stream().filter(n -> n.startsWith("cp-scheduler-")).count()).isBetween(1L, 2L);
        assertThat(threads).as("components no longer start timers of their own")
                .doesNotContain("health-monitor", "live-policy", "rules-watch", "live-rules-watch",
                        "screenpop-supervisor", "call-expiry");
    }

    @Test
    @Order(4)
    void withRedisStoppedCallsAreRoutedOnDefaultsAndHealthSaysDown() throws Exception {
        redis.embedded().orElseThrow().stop();
        Map<String, String> vars = route("5551234", "2.2");
        assertThat(vars).containsEntry("CP_DEGRADED", "1").containsEntry("CP_QUEUE", "support")
                .containsEntry("CP_PRIORITY", "0").containsEntry("CP_CUSTOMER_ID", "");
        assertThat(vars.get("CP_UUID")).matches("[0-9a-f-]{36}");
        // Routing still works on defaults: the application is DEGRADED (200, still ready), Redis is DOWN.
        HttpResponse<String> health = null;
        for (int i = 0; i < 100; i++) {
            health = get("/health");
            if (health.body().contains("\"redis\":{\"status\":\"DOWN\"")) {
                break;
            }
            Thread.sleep(100);
        }
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"DEGRADED\"").contains("\"ready\":true")
                .contains("\"redis\":{\"status\":\"DOWN\",\"reason\":");
        assertThat(get("/metrics").body()).contains("cp_route_degraded_total");
    }
}
