package com.callportrait.route;

import static org.assertj.core.api.Assertions.assertThat;

import com.callportrait.events.CallEvent;
import com.callportrait.events.EventWriter;
import com.callportrait.profile.CustomerProfile;
import com.callportrait.profile.PhoneOptions;
import com.callportrait.profile.ProfileStore;
import com.callportrait.profile.Tier;
import com.callportrait.profile.memory.InMemoryProfileStore;
import com.callportrait.profile.redis.TestProfiles;
import com.callportrait.route.fastagi.AgiLimits;
import com.callportrait.route.fastagi.AgiMetrics;
import com.callportrait.route.fastagi.AgiScripts;
import com.callportrait.route.fastagi.AgiServer;
import com.callportrait.testkit.ListSink;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The route script end to end on an {@link EmbeddedChannel}: real decoder and session handler,
 * Asterisk's side played byte for byte by the test, time advanced by hand (no sleeps).
 */
class RouteScriptTest {
    private static final String ENV = "agi_network: yes\nagi_network_script: route\n"
            + "agi_request: agi://127.0.0.1:4573/route\nagi_channel: Local/5551234@cp-inbound-00000009;2\n"
            + "agi_language: en\nagi_type: Local\nagi_uniqueid: 1795339360.19\nagi_version: 22.10.1\n"
            + "agi_callerid: %s\nagi_calleridname: Jane Doe\nagi_context: cp-inbound\nagi_extension: 5551234\n"
            + "agi_priority: 2\nagi_enhanced: 0.0\nagi_accountcode: \nagi_threadid: 139943870211776\n\n";

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ListSink sink = new ListSink();
    private final EventWriter events = EventWriter.create(sink, 100, registry).start();
    private final InMemoryProfileStore store = InMemoryProfileStore.create();
    private final List<RouteScript> scripts = new ArrayList<>();

    @AfterEach
    void stop() {
        scripts.forEach(RouteScript::close);
        events.close(Duration.ofSeconds(2));
    }

    private EmbeddedChannel session(ProfileStore s, SetMode mode, String callerId) {
        RouteScript script = RouteScript.create(s, RulesLoader.source(Optional.empty()), events, new RouteMetrics(registry),
                Duration.ofMillis(150), mode, PhoneOptions.DEFAULT);
        scripts.add(script);
        EmbeddedChannel ch = new EmbeddedChannel();
        ch.freezeTime();
        AgiServer.configurePipeline(ch.pipeline(), AgiScripts.builder().add("route", script).build(),
                new AgiMetrics(registry), AgiLimits.DEFAULT, Duration.ofSeconds(30));
        write(ch, String.format(ENV, callerId));
        return ch;
    }

    private static void write(EmbeddedChannel ch, String s) {
        ch.writeInbound(Unpooled.copiedBuffer(s, StandardCharsets.UTF_8));
        ch.runPendingTasks();
    }

    private static String command(EmbeddedChannel ch) {
        ch.runPendingTasks();
        ByteBuf b = ch.readOutbound();
        if (b == null) {
            return null;
        }
        try {
            return b.toString(StandardCharsets.UTF_8);
        } finally {
            b.release();
        }
    }

    /** Parses {@code EXEC MSet A=x,B=y\n}. */
    private static Map<String, String> msetVars(String cmd) {
        assertThat(cmd).startsWith("EXEC MSet ").endsWith("\n");
        assertThat(cmd.substring(10)).doesNotContain(" ");
        Map<String, String> m = new LinkedHashMap<>();
        for (String kv : cmd.substring(10, cmd.length() - 1).split(",")) {
            int eq = kv.indexOf('=');
            m.put(kv.substring(0, eq), kv.substring(eq + 1));
        }
        return m;
    }

    /** The events of the sessions so far: the scripts' journals write them, then the writer flushes. */
    private List<CallEvent> flushedEvents() {
        scripts.forEach(RouteScript::close);
        events.close(Duration.ofSeconds(2));
        return sink.events;
    }

    @Test
    void knownPlatinumCallerIsRoutedWithOneMSetRoundTrip() {
        store.save(TestProfiles.asteriskJane());
        EmbeddedChannel ch = session(store, SetMode.MSET, "5551234");
        Map<String, String> vars = msetVars(command(ch));
        assertThat(vars.keySet()).containsExactly("CP_UUID", "CP_QUEUE", "CP_PRIORITY", "CP_SEGMENT", "CP_VIP",
                "CP_LANG", "CP_GREETING", "CP_DEGRADED", "CP_CUSTOMER_ID");
        assertThat(vars.get("CP_UUID")).matches("[0-9a-f-]{36}");
        assertThat(vars).containsEntry("CP_QUEUE", "billing").containsEntry("CP_PRIORITY", "10")
                .containsEntry("CP_VIP", "1").containsEntry("CP_SEGMENT", "loyal-families")
                .containsEntry("CP_GREETING", "welcome-vip").containsEntry("CP_DEGRADED", "0")
                .containsEntry("CP_CUSTOMER_ID", "CUST-1001").containsEntry("CP_LANG", "en");
        assertThat(ch.isOpen()).isTrue();
        write(ch, "200 result=0\n");
        assertThat(ch.isOpen()).as("the server ends the session by closing").isFalse();
        assertThat(command(ch)).isNull();

        List<CallEvent> ev = flushedEvents();
        assertThat(ev).hasSize(1);
        CallEvent e = ev.get(0);
        assertThat(e.type()).isEqualTo("route");
        assertThat(e.call()).isEqualTo(vars.get("CP_UUID"));
        assertThat(e.uniqueId()).isEqualTo("1795339360.19");
        assertThat(e.phone()).isEqualTo("5551234");
        assertThat(e.fields()).containsEntry("queue", "billing").containsEntry("priority", "10")
                .containsEntry("degraded", "0").containsEntry("rule", "priority:platinum,topic:billing")
                .containsEntry("round_trips", "1");
        assertThat(registry.get("cp.route.round.trips").summary().totalAmount()).isEqualTo(1.0);
    }

    @Test
    void setModeSendsOneSetVariablePerVariable() {
        store.save(TestProfiles.asteriskJane());
        EmbeddedChannel ch = session(store, SetMode.SET, "5551234");
        List<String> sent = new ArrayList<>();
        for (String c; (c = command(ch)) != null; ) {
            sent.add(c);
            write(ch, "200 result=1\n");
        }
        assertThat(sent).hasSize(9);
        assertThat(sent.get(0)).matches("SET VARIABLE CP_UUID \"[0-9a-f-]{36}\"\n");
        assertThat(sent.subList(1, 9)).containsExactly("SET VARIABLE CP_QUEUE \"billing\"\n",
                "SET VARIABLE CP_PRIORITY \"10\"\n", "SET VARIABLE CP_SEGMENT \"loyal-families\"\n",
                "SET VARIABLE CP_VIP \"1\"\n", "SET VARIABLE CP_LANG \"en\"\n", "SET VARIABLE CP_GREETING \"welcome-vip\"\n",
                "SET VARIABLE CP_DEGRADED \"0\"\n", "SET VARIABLE CP_CUSTOMER_ID \"CUST-1001\"\n");
        assertThat(ch.isOpen()).isFalse();
        assertThat(flushedEvents().get(0).fields()).containsEntry("round_trips", "9");
    }

    @Test
    void unknownCallerGetsDefaultsWithoutALookup() {
        ProfileStore exploding = new NeverStore() {
            @Override
            public CompletionStage<Optional<CustomerProfile>> findByPhone(String phone) {
                throw new AssertionError("no lookup for an unknown caller");
            }
        };
        EmbeddedChannel ch = session(exploding, SetMode.MSET, "unknown");
        assertThat(msetVars(command(ch))).containsEntry("CP_QUEUE", "support").containsEntry("CP_PRIORITY", "0")
                .containsEntry("CP_SEGMENT", "unknown").containsEntry("CP_VIP", "0").containsEntry("CP_DEGRADED", "0")
                .containsEntry("CP_GREETING", "welcome").containsEntry("CP_CUSTOMER_ID", "");
        write(ch, "200 result=0\n");
        assertThat(flushedEvents().get(0).fields()).containsEntry("rule", "unknown-caller");
    }

    @Test
    void knownNumberWithoutProfileIsAnUnknownCaller() {
        EmbeddedChannel ch = session(store, SetMode.MSET, "+1 555 000 9999");
        assertThat(msetVars(command(ch))).containsEntry("CP_QUEUE", "support").containsEntry("CP_DEGRADED", "0");
    }

    @Test
    void lookupOverBudgetRoutesOnDefaultsAndSaysDegraded() {
        EmbeddedChannel ch = session(new NeverStore(), SetMode.MSET, "5551234");
        assertThat(command(ch)).as("nothing sent while the budget runs").isNull();
        ch.advanceTimeBy(149, TimeUnit.MILLISECONDS);
        ch.runScheduledPendingTasks();
        assertThat(command(ch)).isNull();
        ch.advanceTimeBy(1, TimeUnit.MILLISECONDS);
        ch.runScheduledPendingTasks();
        Map<String, String> vars = msetVars(command(ch));
        assertThat(vars).containsEntry("CP_DEGRADED", "1").containsEntry("CP_QUEUE", "support")
                .containsEntry("CP_PRIORITY", "0").containsEntry("CP_CUSTOMER_ID", "");
        write(ch, "200 result=0\n");
        assertThat(ch.isOpen()).isFalse();
        assertThat(flushedEvents().get(0).fields()).containsEntry("degraded", "1").containsEntry("rule", "degraded");
        assertThat(registry.get("cp.route.degraded").tag("reason", "timeout").counter().count()).isEqualTo(1.0);
    }

    @Test
    void storeErrorRoutesOnDefaultsAtOnce() {
        ProfileStore down = new NeverStore() {
            @Override
            public CompletionStage<Optional<CustomerProfile>> findByPhone(String phone) {
                return CompletableFuture.failedFuture(new IllegalStateException("Connection refused: localhost/127.0.0.1:6379"));
            }
        };
        EmbeddedChannel ch = session(down, SetMode.MSET, "5551234");
        assertThat(msetVars(command(ch))).containsEntry("CP_DEGRADED", "1");
        assertThat(registry.get("cp.route.degraded").tag("reason", "redis_error").counter().count()).isEqualTo(1.0);
    }

    @Test
    void hangupBeforeTheReplyStillCompletesTheSession() {
        store.save(TestProfiles.asteriskJane());
        EmbeddedChannel ch = session(store, SetMode.SET, "5551234");
        assertThat(command(ch)).startsWith("SET VARIABLE CP_UUID");
        write(ch, "HANGUP\n");
        assertThat(ch.isOpen()).isTrue();
        write(ch, "200 result=1\n");
        int more = 0;
        for (String c; (c = command(ch)) != null; more++) {
            assertThat(c).startsWith("SET VARIABLE CP_");
            write(ch, more == 3 ? "HANGUP\n200 result=1\n" : "200 result=1\n");
        }
        assertThat(more).isEqualTo(8);
        assertThat(ch.isOpen()).isFalse();
        assertThat(registry.get("cp.agi.sessions").tag("outcome", "completed").counter().count()).isEqualTo(1.0);
    }

    @Test
    void msetRefusedFallsBackToSetVariable() {
        store.save(TestProfiles.asteriskJane());
        EmbeddedChannel ch = session(store, SetMode.MSET, "5551234");
        assertThat(command(ch)).startsWith("EXEC MSet ");
        write(ch, "200 result=-2\n");
        int sets = 0;
        for (String c; (c = command(ch)) != null; sets++) {
            assertThat(c).startsWith("SET VARIABLE CP_");
            write(ch, "200 result=1\n");
        }
        assertThat(sets).isEqualTo(9);
        assertThat(ch.isOpen()).isFalse();
    }

    @Test
    void reply510And520AreHandledAndTheCallStillRouted() {
        store.save(TestProfiles.asteriskJane());
        EmbeddedChannel ch = session(store, SetMode.MSET, "5551234");
        assertThat(command(ch)).startsWith("EXEC MSet ");
        write(ch, "510 Invalid or unknown command\n");
        assertThat(command(ch)).startsWith("SET VARIABLE CP_UUID");
        write(ch, "520-Invalid command syntax.  Proper usage follows:\nSets a variable to the current channel.\n"
                + "520 End of proper usage.\n");
        int sets = 1;
        for (String c; (c = command(ch)) != null; sets++) {
            write(ch, "200 result=1\n");
        }
        assertThat(sets).isEqualTo(9);
        assertThat(ch.isOpen()).isFalse();
        assertThat(registry.get("cp.agi.sessions").tag("outcome", "completed").counter().count()).isEqualTo(1.0);
    }

    @Test
    void asteriskClosingMidScriptEndsOnlyThatSession() {
        store.save(TestProfiles.asteriskJane());
        EmbeddedChannel ch = session(store, SetMode.SET, "5551234");
        assertThat(command(ch)).startsWith("SET VARIABLE");
        ch.close();
        ch.runPendingTasks();
        assertThat(registry.get("cp.agi.sessions").tag("outcome", "vanished").counter().count()).isEqualTo(1.0);
        assertThat(flushedEvents()).isEmpty();
    }

    @Test
    void unknownScriptClosesTheSession() {
        EmbeddedChannel ch = new EmbeddedChannel();
        AgiServer.configurePipeline(ch.pipeline(), AgiScripts.builder().build(), new AgiMetrics(registry),
                AgiLimits.DEFAULT, Duration.ofSeconds(30));
        write(ch, "agi_network: yes\nagi_network_script: nosuch\n\n");
        assertThat(ch.isOpen()).isFalse();
        assertThat(registry.get("cp.agi.sessions").tag("outcome", "no_script").counter().count()).isEqualTo(1.0);
    }

    @Test
    void rulesVipAndExperiencedQueue() {
        store.save(TestProfiles.of("C-2", "15550001111", Tier.GOLD, "es", 500, 0.9, 0, "billing"));
        EmbeddedChannel ch = session(store, SetMode.MSET, "+1 (555) 000-1111");
        assertThat(msetVars(command(ch))).containsEntry("CP_QUEUE", "experienced").containsEntry("CP_PRIORITY", "6")
                .containsEntry("CP_VIP", "0").containsEntry("CP_LANG", "es").containsEntry("CP_GREETING", "welcome-es");
    }

    /** A store whose lookups never complete (Redis hanging). */
    static class NeverStore implements ProfileStore {
        @Override
        public CompletionStage<Optional<CustomerProfile>> findByPhone(String phone) {
            return new CompletableFuture<>();
        }

        @Override
        public CompletionStage<Optional<CustomerProfile>> findById(String customerId) {
            return new CompletableFuture<>();
        }

        @Override
        public CompletionStage<Void> save(CustomerProfile profile) {
            return new CompletableFuture<>();
        }

        @Override
        public CompletionStage<Duration> ping() {
            return new CompletableFuture<>();
        }

        @Override
        public void close() {
        }
    }
}
