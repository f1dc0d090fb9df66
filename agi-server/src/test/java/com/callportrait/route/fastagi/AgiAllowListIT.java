package com.callportrait.route.fastagi;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.callportrait.common.net.SourceAllowList;
import com.callportrait.events.EventWriter;
import com.callportrait.profile.PhoneOptions;
import com.callportrait.profile.memory.InMemoryProfileStore;
import com.callportrait.profile.redis.TestProfiles;
import com.callportrait.route.RouteMetrics;
import com.callportrait.route.RouteScript;
import com.callportrait.route.RulesLoader;
import com.callportrait.route.SetMode;
import com.callportrait.simulator.agi.AgiConnection;
import com.callportrait.testkit.ListSink;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetSocketAddress;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * {@code CP_AGI_ALLOW} on real sockets: the FastAGI server listens on 0.0.0.0 and a connection
 * from a source address outside the list is closed before a session exists (no command sent, no
 * session counted), logged and counted; an allowed source is routed as usual.
 */
class AgiAllowListIT {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private EventWriter events;
    private AgiServer server;

    private InetSocketAddress start(String allow) throws Exception {
        InMemoryProfileStore store = InMemoryProfileStore.create();
        store.save(TestProfiles.asteriskJane());
        events = EventWriter.create(new ListSink(), 100, registry).start();
        RouteScript route = RouteScript.create(store, RulesLoader.source(java.util.Optional.empty()), events, new RouteMetrics(registry),
                Duration.ofMillis(150), SetMode.MSET, PhoneOptions.DEFAULT);
        server = AgiServer.create(AgiScripts.builder().add("route", route).build(), new AgiMetrics(registry),
                AgiLimits.DEFAULT, Duration.ofSeconds(5), 1, SourceAllowList.parse("CP_AGI_ALLOW", allow), registry);
        logs.start();
        ((Logger) LoggerFactory.getLogger("com.callportrait.common.net")).addAppender(logs);
        return server.start("0.0.0.0", 0);
    }

    @AfterEach
    void stop() {
        ((Logger) LoggerFactory.getLogger("com.callportrait.common.net")).detachAppender(logs);
        server.close(Duration.ofSeconds(2));
        events.close(Duration.ofSeconds(2));
    }

    private double refused() {
        var c = registry.find("cp.connections.refused").tag("server", "agi").counter();
        return c == null ? 0 : c.count();
    }

    private double sessionsOpened() {
        return registry.find("cp.agi.sessions").counters().stream().mapToDouble(c -> c.count()).sum()
                + registry.get("cp.agi.sessions.active").gauge().value();
    }

    /**
     * The next command, or null when the server closed the connection. A refused connection is
     * closed with the peer's environment block unread when it arrived first (the usual case: a
     * peer writes right after connecting), and the kernel then answers with a reset, not a FIN:
     * both mean no command was sent.
     */
    private static String commandOrNothing(AgiConnection a) throws java.io.IOException {
        try {
            return a.readCommand();
        } catch (java.net.SocketException reset) {
            return null;
        }
    }

    @Test
    void loopbackIsRefusedWhenTheListHoldsOnlyOtherNetworks() throws Exception {
        InetSocketAddress addr = start("10.0.0.0/8,192.168.0.0/16,fd00::/8");
        try (AgiConnection a = AgiConnection.connectFrom(addr, "127.0.0.1")) {
            a.send(AgiConnection.environment("route", "5551234", "1795339360.19"));
            assertThat(commandOrNothing(a)).as("no FastAGI command reaches a refused source").isNull();
        }
        assertThat(refused()).isEqualTo(1.0);
        assertThat(sessionsOpened()).as("a refused connection never becomes a session").isZero();
        assertThat(logs.list).extracting(ILoggingEvent::getFormattedMessage)
                .containsExactly("refused agi connection from 127.0.0.1 (not in CP_AGI_ALLOW)");
    }

    @Test
    void anotherLoopbackAddressIsRefusedWhileTheListedOneIsRouted() throws Exception {
        InetSocketAddress addr = start("127.0.0.1/32");
        try (AgiConnection a = AgiConnection.connectFrom(addr, "127.0.0.2")) {
            a.send(AgiConnection.environment("route", "5551234", "1795339360.19"));
            assertThat(commandOrNothing(a)).isNull();
        }
        assertThat(refused()).isEqualTo(1.0);
        try (AgiConnection a = AgiConnection.connectFrom(addr, "127.0.0.1")) {
            a.send(AgiConnection.environment("route", "5551234", "1795339360.20"));
            String line = a.readCommand();
            assertThat(AgiConnection.msetVariables(line)).containsEntry("CP_CUSTOMER_ID", "CUST-1001");
            a.send("200 result=0\n");
            assertThat(a.closedByServer()).isTrue();
        }
        assertThat(refused()).isEqualTo(1.0);
        assertThat(logs.list).extracting(ILoggingEvent::getFormattedMessage)
                .containsExactly("refused agi connection from 127.0.0.2 (not in CP_AGI_ALLOW)");
    }
}
