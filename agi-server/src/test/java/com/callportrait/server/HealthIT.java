package com.callportrait.server;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.callportrait.common.config.Env;
import com.callportrait.live.LiveOptions;
import com.callportrait.profile.redis.TestProfiles;
import com.callportrait.server.health.HealthMonitor;
import com.callportrait.server.health.HealthState;
import com.callportrait.simulator.agi.AgiConnection;
import com.callportrait.simulator.ami.AmiEndpoint;
import com.callportrait.testkit.Await;
import io.lettuce.core.Range;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Health transitions with real parts: AMI (the simulated Asterisk manager on a real socket)
 * stopped and started again, the embedded redis-server stopped and started again. Each change
 * shows in {@code /health} (state, reason, since) and {@code cp_health_status}, is logged once,
 * and the application stays ready (200) because calls are still routed.
 */
class HealthIT {
    static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void amiAndRedisGoDownAndComeBack(@TempDir Path dir) throws Exception {
        Logger monitorLog = (Logger) LoggerFactory.getLogger(HealthMonitor.class);
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        monitorLog.addAppender(logs);
        AmiEndpoint ami = AmiEndpoint.create("callportrait", "s3cret");
        InetSocketAddress amiAddress = ami.start("127.0.0.1", 0);
        AppOptions o = AppOptions.from(Env.of(Map.of("CP_BIND_ADDRESS", "127.0.0.1"))).withRedis(java.util.Optional.empty(), 0)
                .withPorts(0, 0, 0).withDataDir(dir);
        LiveOptions live = LiveOptions.from(Env.of(Map.of("CP_AMI_URI", "ami://callportrait:s3cret@127.0.0.1:"
                + amiAddress.getPort(), "CP_AMI_RECONNECT_MAX_MS", "500")));
        try (RedisBackend redis = RedisBackend.open(o, RedisBackend.Embedded.START_ANY_PORT);
             Telemetry telemetry = new Telemetry();
             Application app = Application.start(o, live, SpeechSettings.off(), redis, telemetry)) {
            redis.store().save(TestProfiles.asteriskJane()).toCompletableFuture().get(10, TimeUnit.SECONDS);
            String base = "http://127.0.0.1:" + app.httpAddress().getPort();

            Await.until(20, () -> body(base + "/health").contains("\"ami\":{\"status\":\"UP\""));
            HttpResponse<String> up = get(base + "/health");
            assertThat(up.statusCode()).isEqualTo(200);
            assertThat(up.body()).startsWith("{\"status\":\"UP\"").contains("\"redis\":{\"status\":\"UP\"")
                    .contains("\"speech\":{\"status\":\"OFF\",\"reason\":\"CP_SPEECH=off\"");

            // AMI: the manager goes away -> ami DOWN with why, application DEGRADED but ready
            ami.close();
            Await.until(20, () -> body(base + "/health").contains("\"ami\":{\"status\":\"DOWN\""));
            HttpResponse<String> amiDown = get(base + "/health");
            assertThat(amiDown.statusCode()).isEqualTo(200);
            assertThat(amiDown.body()).contains("\"status\":\"DEGRADED\"").contains("\"ready\":true")
                    .containsPattern("\"ami\":\\{\"status\":\"DOWN\",\"reason\":\"not logged in \\((connection to|connect to)"
                            + " 127.0.0.1:" + amiAddress.getPort() + " (lost|failed)")
                    .containsPattern("\"since\":\"20\\d\\d-");
            assertThat(get(base + "/health/ready").statusCode()).isEqualTo(200);
            assertThat(body(base + "/metrics")).contains("cp_health_status{check=\"ami\"} 0.0")
                    .contains("cp_ami_events_queued ").contains("cp_ami_events_capacity 10000.0")
                    .contains("cp_ami_events_dropped_total{kind=\"chatty\"}").contains("cp_ami_reconnects_total")
                    .contains("cp_netty_pending_tasks{loop=\"ami\"}").contains("cp_ami_connected 0.0");
            // calls are still routed meanwhile
            assertThat(route(app, "5551234", "7.1")).containsEntry("CP_QUEUE", "billing");

            // ... and comes back on the same port -> UP again
            AmiEndpoint again = AmiEndpoint.create("callportrait", "s3cret");
            again.start("127.0.0.1", amiAddress.getPort());
            try {
                Await.until(20, () -> body(base + "/health").contains("\"ami\":{\"status\":\"UP\""));
                assertThat(app.amiConnected()).isTrue();

                // Redis: the real redis-server stopped -> redis DOWN, routing on defaults, events held
                long written = app.events().writtenCount();
                redis.embedded().orElseThrow().stop();
                Await.until(20, () -> body(base + "/health").contains("\"redis\":{\"status\":\"DOWN\""));
                HttpResponse<String> redisDown = get(base + "/health");
                assertThat(redisDown.statusCode()).isEqualTo(200);
                assertThat(redisDown.body()).contains("\"status\":\"DEGRADED\"");
                assertThat(route(app, "5551234", "7.2")).containsEntry("CP_DEGRADED", "1");

                redis.embedded().orElseThrow().start();
                Await.until(30, () -> body(base + "/health").startsWith("{\"status\":\"UP\""));
                // the buffered route events reached the stream once Redis was back
                Await.until(20, () -> app.events().queued() == 0 && app.events().writtenCount() >= written + 1);
                assertThat(redis.connector().sync().xrange("cp:events", Range.create("-", "+")).stream()
                        .filter(m -> "7.2".equals(m.getBody().get("uniqueid"))).count()).isEqualTo(1);
            } finally {
                again.close();
            }
            assertThat(app.health().report().checks().get("redis").result().state()).isEqualTo(HealthState.UP);
        } finally {
            monitorLog.detachAppender(logs);
        }
        // one WARN when each episode started, one INFO when it ended: not one line per probe
        List<String> warns = logs.list.stream().filter(e -> e.getLevel() == Level.WARN)
                .map(ILoggingEvent::getFormattedMessage).toList();
        assertThat(warns.stream().filter(m -> m.startsWith("health: ami UP -> DOWN"))).hasSize(1);
        assertThat(warns.stream().filter(m -> m.startsWith("health: redis UP -> DOWN"))).hasSize(1);
        assertThat(logs.list.stream().filter(e -> e.getLevel() == Level.INFO)
                .map(ILoggingEvent::getFormattedMessage).filter(m -> m.startsWith("health: redis DOWN -> UP after")))
                .hasSize(1);
    }

    private static Map<String, String> route(Application app, String caller, String uniqueId) throws Exception {
        try (AgiConnection a = AgiConnection.connect(app.agiAddress())) {
            a.send(AgiConnection.environment("route", caller, uniqueId));
            Map<String, String> vars = AgiConnection.msetVariables(a.readCommand());
            a.send("200 result=0\n");
            return vars;
        }
    }

    static HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static String body(String url) {
        try {
            return get(url).body();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
