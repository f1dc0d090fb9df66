package com.callportrait.cli;

import com.callportrait.profile.imports.DemoCustomers;
import com.callportrait.profile.imports.ImportReport;
import com.callportrait.server.AppOptions;
import com.callportrait.server.RedisBackend;
import com.callportrait.simulator.call.DemoCalls;
import com.callportrait.simulator.call.SimulatedAsterisk;
import java.time.Clock;
import java.util.Optional;
import picocli.CommandLine.Command;

/**
 * {@code demo}: everything on embedded defaults, with the demo customers seeded. One instance per
 * command-line run, used on the main thread, which it blocks until the JVM is asked to stop; not
 * thread-safe.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "The server on embedded defaults: an embedded Redis (even if CP_REDIS_URI is set), the"
                + " bundled demo customers seeded, all servers; prints where each listens and what to try.")
public final class DemoCommand extends AppCommand {
    @Override
    public Integer call() throws InterruptedException {
        AppOptions o = options().withRedis(Optional.empty(), options().embeddedRedisPort());
        RedisBackend redis = RedisBackend.open(o, RedisBackend.Embedded.START_ANY_PORT);
        ImportReport seeded;
        try {
            // A cold JVM on a busy machine can miss Redis command timeouts on the first rows; the
            // import is idempotent, so rows not stored are simply tried again.
            seeded = DemoCustomers.seed(redis.store(), o.phones(), Clock.systemUTC());
            for (int attempt = 1; attempt < 4 && !seeded.rejected().isEmpty(); attempt++) {
                seeded = DemoCustomers.seed(redis.store(), o.phones(), Clock.systemUTC());
            }
            if (!seeded.rejected().isEmpty()) {
                seeded.lines().forEach(err()::println);
            }
        } catch (RuntimeException e) {
            redis.close();
            throw e;
        }
        ImportReport report = seeded;
        // A simulated Asterisk (AMI endpoint + calls) so routing, transcripts, emotions, priority
        // changes and screen pops show without a PBX.
        SimulatedAsterisk live = SimulatedAsterisk.start();
        return Running.untilStoppedFeeding(settings().withApp(o).withLive(InProcessTarget.liveOptions(settings().live(), live)),
                redis, stack -> {
            String host = o.bindAddress().equals("0.0.0.0") || o.bindAddress().equals("::") ? "127.0.0.1" : o.bindAddress();
            int agi = stack.agiAddress().getPort();
            int http = stack.httpAddress().getPort();
            // HTTP has its own bind address (CP_HTTP_BIND_ADDRESS, this host only by default)
            String web = stack.httpAddress().getAddress().isAnyLocalAddress() ? host
                    : stack.httpAddress().getAddress().getHostAddress();
            var w = out();
            w.println();
            w.println("CallPortrait demo is running.");
            w.printf("  FastAGI    agi://%s:%d/route   (dialplan: AGI(agi://<this host>:%d/route))%n", host, agi, agi);
            w.printf("  HTTP       http://%s:%d/health   /metrics   /api/profiles/{phone}%n", web, http);
            w.printf("  AudioSocket %s%n", stack.speech().map(sp -> host + ":" + sp.audioSocketAddress().getPort()
                    + "   (dialplan: AudioSocket(${CP_UUID},<this host>:" + sp.audioSocketAddress().getPort() + "))")
                    .orElse("off (CP_SPEECH=off)"));
            w.printf("  Redis      %s%n", redis.description());
            w.printf("  Customers  demo list seeded: %s%n", report.summary());
            w.println();
            w.println("Try:");
            w.printf("  curl -s -H 'Authorization: Bearer %s' http://%s:%d/api/profiles/5551234%n",
                    stack.tokens().issue(com.callportrait.live.TokenService.Role.SERVICE, "demo",
                            java.time.Duration.ofHours(12)), web, http);
            w.printf("  curl -s http://%s:%d/health%n", web, http);
            w.println("  # a FastAGI session as Asterisk opens it (answer the one EXEC MSet with 200 result=0):");
            w.printf("  ( printf 'agi_network: yes\\nagi_network_script: route\\nagi_uniqueid: 1795339360.19\\n"
                    + "agi_callerid: 5551234\\n\\n'; sleep 0.5; printf '200 result=0\\n'; sleep 0.5 ) | nc %s %d%n", host, agi);
            w.printf("  CP_REDIS_URI=%s java -jar agi-server/target/callportrait.jar profile show 5551234%n",
                    redis.embedded().map(r -> r.uri()).orElse("redis://127.0.0.1:6379"));
            var tokens = stack.tokens();
            java.time.Duration day = java.time.Duration.ofHours(12);
            w.println("  Live       simulated calls every 6 s (agents agent1..agent3); open in a browser:");
            for (String a : java.util.List.of("agent1", "agent2", "agent3")) {
                w.printf("    http://%s:%d/agent/%s?token=%s%n", web, http, a,
                        tokens.issue(com.callportrait.live.TokenService.Role.AGENT, a, day));
            }
            w.printf("    http://%s:%d/supervisor?token=%s%n", web, http,
                    tokens.issue(com.callportrait.live.TokenService.Role.SUPERVISOR, "supervisor", day));
            Runnable stopCalls = DemoCalls.start(InProcessTarget.of(stack), live,
                    InProcessTarget.demoCallers(o.phones()), java.time.Duration.ofSeconds(6));
            w.println();
            w.println("Stop with Ctrl-C (calls in progress finish first).");
            w.flush();
            return stopCalls;
        });
    }
}
