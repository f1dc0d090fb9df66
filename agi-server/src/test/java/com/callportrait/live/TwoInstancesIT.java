package com.callportrait.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.callportrait.common.config.Env;
import com.callportrait.profile.imports.DemoCustomers;
import com.callportrait.server.AppOptions;
import com.callportrait.server.RedisBackend;
import com.callportrait.simulator.ami.AmiEndpoint;
import com.callportrait.simulator.call.SimulatedAsterisk;
import com.callportrait.simulator.observe.PopWatcher;
import com.callportrait.testkit.AppProcess;
import com.callportrait.testkit.Await;
import com.callportrait.testkit.QueuedCalls;
import com.callportrait.testkit.QueuedCalls.Call;
import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two {@code serve} processes ({@code java -jar target/callportrait.jar serve}) on one shared Redis and one
 * simulated Asterisk (its AMI endpoint, both logged in; FastAGI sessions to either). Every call
 * waits long enough for three rules (a priority change, an alert, a redirect) to fall due on
 * both instances; each rule acts exactly once per call across both, also while one instance is
 * restarted (SIGTERM) and after the other is killed (SIGKILL) and started again, both of which
 * then re-synchronise with the PBX and see the same waiting callers again. An agent page on one
 * instance gets exactly one screen pop, with the portrait, of a call routed by the other.
 */
class TwoInstancesIT {
    static final String SECRET = "two-instances-it-secret-0123456789abcdef";
    static final String RULES = """
            rate_limit:
              actions_per_second: 50
              per_call_max: 5
            rules:
              - name: wait-priority
                when: {state: waiting, min_wait_seconds: 1}
                then: {raise_priority: 15}
              - name: wait-alert
                when: {state: waiting, min_wait_seconds: 1}
                then: {alert: "caller waiting"}
              - name: wait-redirect
                when: {state: waiting, min_wait_seconds: 2}
                then: {redirect: {context: callportrait-escalate, exten: s, priority: 1}}
            """;

    private SimulatedAsterisk pbx;
    private QueuedCalls queued;

    private Call arrive(AppProcess via, String phone) throws Exception {
        return queued.arrive(via.agi(), phone);
    }

    private void answer(Call c, String agent) {
        queued.answer(c, agent);
    }

    /** AMI actions sent for {@code c}, by action name. */
    private Map<String, Integer> actions(Call c) {
        Map<String, Integer> m = new TreeMap<>();
        for (AmiEndpoint.Received r : pbx.ami().received()) {
            if (c.channel().equals(r.action().value("Caller")) || c.channel().equals(r.action().value("Channel"))) {
                String a = r.action().value("Action");
                if (a.equals("QueueChangePriorityCaller") || a.equals("Redirect")) {
                    m.merge(a, 1, Integer::sum);
                }
            }
        }
        return m;
    }

    /** Audited actions ({@code type=action} in cp:events) per call Uniqueid and rule. */
    private static Map<String, Integer> audited(RedisBackend redis) {
        Map<String, Integer> m = new TreeMap<>();
        for (StreamMessage<String, String> e : redis.connector().sync().xrange("cp:events", Range.create("-", "+"))) {
            if ("action".equals(e.getBody().get("type"))) {
                m.merge(e.getBody().get("uniqueid") + " " + e.getBody().get("rule"), 1, Integer::sum);
            }
        }
        return m;
    }

    private AppProcess start(String id, Map<String, String> env, Path dir) throws Exception {
        Map<String, String> e = new HashMap<>(env);
        e.put("CP_INSTANCE_ID", id);
        e.put("CP_DATA_DIR", dir.resolve(id).toString());
        return AppProcess.startPackaged(e, dir.resolve(id + "-" + System.nanoTime() + ".log"), Duration.ofSeconds(90));
    }

    @Test
    void eachRuleActsOncePerCallAcrossInstancesAndRestartsAndPopsReachThePageOnEither(@TempDir Path dir)
            throws Exception {
        AppOptions o = AppOptions.from(Env.of(Map.of("CP_BIND_ADDRESS", "127.0.0.1"))).withRedis(Optional.empty(), 0)
                .withPorts(0, 0, 0).withDataDir(dir.resolve("redis-owner"));
        Path rules = Files.writeString(dir.resolve("live-rules.yaml"), RULES, StandardCharsets.UTF_8);
        try (RedisBackend redis = RedisBackend.open(o, RedisBackend.Embedded.START_ANY_PORT);
             SimulatedAsterisk asterisk = SimulatedAsterisk.start()) {
            pbx = asterisk;
            queued = new QueuedCalls(asterisk.ami(), "PJSIP/trunk-two-", "1900000000.", 7_000);
            DemoCustomers.seed(redis.store(), o.phones(), Clock.systemUTC());
            Map<String, String> env = Map.of("CP_REDIS_URI", redis.embedded().orElseThrow().uri(),
                    "CP_AMI_URI", pbx.amiUri(), "CP_LIVE_RULES", rules.toString(), "CP_TOKEN_SECRET", SECRET,
                    "CP_SPEECH", "off", "CP_FRESH", "off", "CP_AGI_PORT", "0", "CP_HTTP_PORT", "0",
                    "CP_AUDIOSOCKET_PORT", "0", "CP_BIND_ADDRESS", "127.0.0.1");
            TokenService tokens = TokenService.of(SECRET.getBytes(StandardCharsets.UTF_8), Clock.systemUTC());
            List<Call> calls = new ArrayList<>();
            AppProcess a = start("a", env, dir);
            AppProcess b = start("b", env, dir);
            try {
                Await.until(30, () -> pbx.ami().clients() == 2 && pbx.ami().logins() >= 2);
                Thread.sleep(1_000); // both re-synchronised after login
                for (int i = 0; i < 4; i++) {
                    calls.add(arrive(i % 2 == 0 ? a : b, i == 0 ? "5551234" : ""));
                }
                Await.until(30, () -> calls.stream().allMatch(c -> actions(c).size() == 2));

                // a graceful restart of one instance while the callers still wait
                assertThat(a.stop(Duration.ofSeconds(30))).isEqualTo(143);
                calls.add(arrive(b, ""));
                a = start("a", env, dir);
                Await.until(30, () -> pbx.ami().clients() == 2);
                Await.until(30, () -> actions(calls.get(4)).size() == 2);
                Thread.sleep(4_000); // four policy ticks on the restarted instance: it sees every caller waiting

                // the other instance is killed and comes back
                b.kill9();
                calls.add(arrive(a, ""));
                b = start("b", env, dir);
                Await.until(30, () -> pbx.ami().clients() == 2);
                Await.until(30, () -> actions(calls.get(5)).size() == 2);
                Thread.sleep(4_000);

                for (Call c : calls) {
                    assertThat(actions(c)).as("AMI actions of %s", c.channel())
                            .isEqualTo(Map.of("QueueChangePriorityCaller", 1, "Redirect", 1));
                }
                Map<String, Integer> audit = audited(redis);
                for (Call c : calls) {
                    for (String rule : List.of("wait-priority", "wait-alert", "wait-redirect")) {
                        assertThat(audit.get(c.uid() + " " + rule)).as("%s %s audited", c.uid(), rule).isEqualTo(1);
                    }
                }

                // a page on b gets the pop of a call routed by a, once, with the portrait
                PopWatcher page = PopWatcher.connect(b.httpPort(), 1,
                        agent -> tokens.issue(TokenService.Role.AGENT, agent, Duration.ofHours(1)));
                Call routedByA = arrive(a, "5551234");
                answer(routedByA, "agent1");
                Await.until(20, () -> !page.connectedPopAgents(routedByA.id()).isEmpty());
                Thread.sleep(1_500); // a second pop (b's own, from the same AMI events) would arrive by now
                assertThat(page.connectedPopAgents(routedByA.id())).containsExactly("agent1");
                assertThat(page.popJson(routedByA.id())).contains("Jane");
                long allPops = page.types(routedByA.id()).stream().filter("pop"::equals).count();
                assertThat(allPops).as("pops of the call on the page (called, connected)").isEqualTo(2);
                page.close();
            } finally {
                a.close();
                b.close();
            }
        }
    }
}
