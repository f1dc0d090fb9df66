package com.callportrait.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.callportrait.cli.InProcessTarget;
import com.callportrait.common.config.Env;
import com.callportrait.live.LiveOptions;
import com.callportrait.live.TokenService.Role;
import com.callportrait.portrait.collect.InteractionRecord;
import com.callportrait.portrait.collect.InteractionStream;
import com.callportrait.portrait.collect.RecordSink;
import com.callportrait.portrait.gen.GeneratorOptions;
import com.callportrait.portrait.gen.SyntheticGenerator;
import com.callportrait.records.FreshOptions;
import com.callportrait.records.InsightsOptions;
import com.callportrait.records.InsightsRefresh;
import com.callportrait.simulator.call.SimulatedAsterisk;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The running server refreshes the insights on its own thread, serves them at {@code /api/insights}
 * to service and supervisor tokens only, writes the agent groups and penalties to Redis, and (when
 * asked to) sets each grouped agent's queue penalty over AMI.
 */
class InsightsIT {
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @Test
    void theServerRefreshesServesAndPublishesTheInsights(@TempDir Path dir) throws Exception {
        withServer(dir, FreshOptions.builder().generate(2500).build(),
                InsightsOptions.builder().penalties(true).build(), (app, redis, pbx) -> {
            InsightsRefresh refresh = app.insights().orElseThrow();
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (refresh.current().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            assertThat(refresh.current()).as("first refresh finished").isPresent();

            String url = "http://127.0.0.1:" + app.httpAddress().getPort() + "/api/insights";
            assertThat(get(url, null).statusCode()).isEqualTo(401);
            assertThat(get(url, "forged.token.value").statusCode()).isEqualTo(401);
            assertThat(get(url, app.tokens().issue(Role.AGENT, "agent1", Duration.ofMinutes(5))).statusCode())
                    .isEqualTo(403);
            HttpResponse<String> ok = get(url, app.tokens().issue(Role.SERVICE, "crm", Duration.ofMinutes(5)));
            assertThat(ok.statusCode()).isEqualTo(200);
            JsonNode body = new ObjectMapper().readTree(ok.body());
            assertThat(body.path("state").asText()).isEqualTo("ready");
            assertThat(body.path("agent_groups").path("groups").path("high").path("penalty").asInt()).isZero();
            assertThat(body.path("agent_groups").path("agents").size()).isEqualTo(60);
            assertThat(body.path("forecast").path("calls_per_hour").size()).isEqualTo(168);
            assertThat(body.path("demand_heat").path("by_volume").size()).isGreaterThan(3);
            assertThat(body.path("association_rules").path("rules").size()).isGreaterThan(0);

            Map<String, String> groups = redis.connector().sync().hgetall(InsightsRefresh.GROUPS_KEY);
            Map<String, String> penalties = redis.connector().sync().hgetall(InsightsRefresh.PENALTY_KEY);
            assertThat(groups).hasSize(60).containsValues("high", "middle", "low");
            assertThat(penalties).hasSize(60);
            groups.forEach((agent, g) -> assertThat(penalties.get(agent))
                    .isEqualTo(Integer.toString(com.callportrait.portrait.insights.Insights.PENALTY.get(g))));

            deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (penaltyActions(pbx) < 60 && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(penaltyActions(pbx)).isEqualTo(60);
            assertThat(pbx.ami().received().stream().map(r -> r.action())
                    .filter(a -> "QueuePenalty".equalsIgnoreCase(a.value("Action"))))
                    .anySatisfy(a -> {
                        assertThat(a.value("Interface")).matches("Local/agent-\\d\\d@cp-agents");
                        assertThat(a.value("Penalty")).isIn("0", "1", "2");
                    });
        });
    }

    /**
     * A server started without CP_FRESH_DATA (as {@code serve} runs on a live site) answers
     * "pending" until records exist, then computes the insights from the live records its
     * interaction streams keep.
     */
    @Test
    void aServerWithoutDataRefreshesFromTheLiveRecordsItKeeps(@TempDir Path dir) throws Exception {
        withServer(dir, FreshOptions.builder().generate(0).build(), InsightsOptions.defaults(), (app, redis, pbx) -> {
            InsightsRefresh refresh = app.insights().orElseThrow();
            assertThat(refresh.refresh()).as("no records yet").isEmpty();
            assertThat(refresh.json()).containsEntry("state", "pending");

            // the last ten weeks of a centre's calls, as the record path appends them
            List<InteractionRecord> calls = new ArrayList<>();
            new SyntheticGenerator(GeneratorOptions.builder().seed(11).customers(2500).days(70)
                    .end(Instant.now().minus(Duration.ofHours(1))).build()).generate(new RecordSink() {
                        @Override public void interaction(InteractionRecord r) { calls.add(r); }
                    });
            InteractionStream stream = app.freshness().orElseThrow().stream();
            calls.forEach(stream::append);

            var in = refresh.refresh().orElseThrow();
            assertThat(in.contacts()).isEqualTo(calls.size());
            assertThat(in.groups()).isPresent();
            assertThat(refresh.json()).containsEntry("state", "ready");
            assertThat(redis.connector().sync().hgetall(InsightsRefresh.GROUPS_KEY)).containsValues("high", "low");
        });
    }

    /** What a test does with a started server. */
    private interface WithServer {
        void run(Application app, RedisBackend redis, SimulatedAsterisk pbx) throws Exception;
    }

    /** Starts the application (embedded Redis, speech off) with a simulated Asterisk and runs {@code test}. */
    private static void withServer(Path dir, FreshOptions fresh, InsightsOptions insights, WithServer test)
            throws Exception {
        AppOptions o = AppOptions.from(Env.of(Map.of())).withRedis(Optional.empty(), 0).withPorts(0, 0, 0)
                .withDataDir(dir);
        try (RedisBackend redis = RedisBackend.open(o, RedisBackend.Embedded.START_ANY_PORT);
             Telemetry telemetry = new Telemetry();
             SimulatedAsterisk pbx = SimulatedAsterisk.start()) {
            Settings s = Settings.of(o).withLive(InProcessTarget.liveOptions(LiveOptions.from(Env.of(Map.of())), pbx))
                    .withSpeech(SpeechSettings.off()).withFresh(fresh).withInsights(insights);
            try (Application app = Application.start(s, redis, telemetry)) {
                test.run(app, redis, pbx);
            }
        }
    }

    private static long penaltyActions(SimulatedAsterisk pbx) {
        return pbx.ami().received().stream().filter(r -> "QueuePenalty".equalsIgnoreCase(r.action().value("Action")))
                .count();
    }

    private static HttpResponse<String> get(String url, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET();
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
