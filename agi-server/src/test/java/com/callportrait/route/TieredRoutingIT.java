package com.callportrait.route;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.callportrait.events.EventWriter;
import com.callportrait.profile.PhoneOptions;
import com.callportrait.profile.imports.CustomerCsvImporter;
import com.callportrait.profile.imports.ImportReport;
import com.callportrait.profile.redis.EmbeddedRedis;
import com.callportrait.profile.redis.RedisProfileStore;
import com.callportrait.route.fastagi.AgiLimits;
import com.callportrait.route.fastagi.AgiMetrics;
import com.callportrait.route.fastagi.AgiScripts;
import com.callportrait.route.fastagi.AgiServer;
import com.callportrait.simulator.agi.AgiCaller;
import com.callportrait.testkit.ListSink;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * A CRM file in the operator's tier words, imported into the embedded Redis, then callers routed
 * over a real FastAGI socket as Asterisk would run {@code AGI(agi://.../route)}: the {@code vip}
 * caller gets the priority and VIP flag the rules give {@code vip}; a {@code premium} caller, a
 * label the rules do not name, is routed on defaults with one warning however often it calls.
 */
class TieredRoutingIT {

    private static final String RULES = """
            defaults: {queue: support, priority: 0}
            priority:
              - {name: vip, tier: VIP, priority: 9, vip: true}
              - {name: gold, tier: gold, priority: 5}
            default_tiers: [standard]
            """;

    private static final String CRM = """
            customer_id,phone,name,tier,language
            V1,+1 (555) 010-0101,Vera Vip,vip,en
            P1,555.010.0102,Paul Premium,premium,en
            G1,15550100103,Gina Gold,gold,en
            """;

    @TempDir
    Path dir;

    @Test
    void vipPremiumAndGoldAllLoadAndEachRoutesAsTheRulesSay() throws Exception {
        ListAppender<ILoggingEvent> warnings = new ListAppender<>();
        warnings.start();
        Logger tierLog = (Logger) LoggerFactory.getLogger(UnknownTiers.class);
        tierLog.addAppender(warnings);
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        EventWriter events = EventWriter.create(new ListSink(), 100, registry).start();
        // Generous Redis and routing budgets: this checks decisions, not latency, on a shared machine.
        try (EmbeddedRedis redis = EmbeddedRedis.builder().dataDir(dir.resolve("redis")).freePort().build().start();
             RedisProfileStore store = RedisProfileStore.open(redis.options().withCommandTimeout(Duration.ofSeconds(10)),
                     PhoneOptions.DEFAULT)) {
            ImportReport report = CustomerCsvImporter.create(PhoneOptions.DEFAULT, Clock.systemUTC())
                    .importInto(new StringReader(CRM), store);
            assertThat(report.summary()).as("%s", report.rejected()).isEqualTo("loaded 3, rejected 0");

            RoutingRules rules = RulesLoader.parse(RULES.getBytes(StandardCharsets.UTF_8), "test rules");
            RouteScript script = RouteScript.create(store, () -> rules, events, new RouteMetrics(registry),
                    Duration.ofSeconds(10), SetMode.MSET, PhoneOptions.DEFAULT);
            AgiServer server = AgiServer.create(AgiScripts.builder().add("route", script).build(),
                    new AgiMetrics(registry), AgiLimits.DEFAULT, Duration.ofSeconds(30), 1);
            InetSocketAddress agi = server.start("127.0.0.1", 0);
            try {
                // Caller ids as a SIP trunk presents them, not as the CRM wrote them.
                Map<String, String> vip = call(agi, "+15550100101", "1");
                assertThat(vip).containsEntry("CP_PRIORITY", "9").containsEntry("CP_VIP", "1")
                        .containsEntry("CP_CUSTOMER_ID", "V1").containsEntry("CP_DEGRADED", "0");

                for (int i = 0; i < 3; i++) {
                    Map<String, String> premium = call(agi, "5550100102", "2" + i);
                    assertThat(premium).containsEntry("CP_PRIORITY", "0").containsEntry("CP_VIP", "0")
                            .containsEntry("CP_CUSTOMER_ID", "P1").containsEntry("CP_QUEUE", "support");
                }

                assertThat(call(agi, "1-555-010-0103", "3")).containsEntry("CP_PRIORITY", "5")
                        .containsEntry("CP_VIP", "0").containsEntry("CP_CUSTOMER_ID", "G1");
            } finally {
                server.close(Duration.ofSeconds(2));
            }
        } finally {
            tierLog.detachAppender(warnings);
            events.close(Duration.ofSeconds(2));
        }
        assertThat(warnings.list).singleElement().satisfies(e -> {
            assertThat(e.getLevel()).isEqualTo(Level.WARN);
            assertThat(e.getFormattedMessage()).contains("tier 'premium' is not named in the routing rules");
        });
    }

    private static Map<String, String> call(InetSocketAddress agi, String callerId, String n) throws Exception {
        return AgiCaller.run(agi, "route", "PJSIP/trunk-0000000" + n, "1795339360." + n, callerId, "Caller", "",
                Map.of());
    }
}
