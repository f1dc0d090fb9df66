package com.callportrait.live.ami;

import static org.assertj.core.api.Assertions.assertThat;

import com.callportrait.live.calls.AgentDirectory;
import com.callportrait.live.calls.AmiCallTracker;
import com.callportrait.live.calls.CallChange;
import com.callportrait.live.calls.CallRegistry;
import com.callportrait.simulator.ami.AmiEndpoint;
import com.callportrait.testkit.Await;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The client against real sockets replaying the recorded Asterisk 22 bytes (the simulator's AMI
 * endpoint in scripted mode writes them as recorded).
 */
class AmiClientIT {

    private static void write(AmiEndpoint.Wire out, byte[] b) {
        out.write(b);
    }

    /** The simulator's AMI endpoint in scripted mode, started on a free loopback port. */
    private static AmiEndpoint scripted(AmiEndpoint.Script script) throws InterruptedException {
        AmiEndpoint ami = AmiEndpoint.scripted(script);
        ami.start("127.0.0.1", 0);
        return ami;
    }

    private static byte[] withId(AmiMessage recorded, String id) {
        List<String> kv = new ArrayList<>();
        for (Map.Entry<String, String> e : recorded.fields()) {
            kv.add(e.getKey());
            kv.add(e.getKey().equalsIgnoreCase("ActionID") ? id : e.getValue());
        }
        return AmiEncoder.bytes(AmiMessage.of(kv.toArray(String[]::new)));
    }

    @Test
    void replaysTheRecordedCallIntoLiveCallState() throws Exception {
        byte[] recording = RecordedAmi.bytes("ami-events.txt");
        // The recording starts with the banner, which the endpoint already wrote: skip that line.
        String text = new String(recording, StandardCharsets.UTF_8);
        byte[] afterBanner = text.substring(text.indexOf('\n') + 1).getBytes(StandardCharsets.UTF_8);
        try (AmiEndpoint ami = scripted((action, out) -> {
            if (action.value("Action").equals("Login")) {
                write(out, afterBanner);
            }
            return true;
        })) {
            CallRegistry calls = CallRegistry.create(Clock.systemUTC(), Duration.ofHours(1));
            List<String> changes = new CopyOnWriteArrayList<>();
            calls.addListener((c, what) -> changes.add(what + ":" + c.state() + ":" + c.agent()));
            List<String> events = new CopyOnWriteArrayList<>();
            AmiOptions opts = new AmiOptions("127.0.0.1", ami.port(), "cp", "s3cret", Duration.ofMillis(300), 1000,
                    Duration.ofMillis(50), Duration.ofMillis(200));
            try (AmiClient client = AmiClient.create(opts, AmiCallTracker.EVENTS, new SimpleMeterRegistry())) {
                client.addListener(e -> events.add(e.value("Event")));
                client.addListener(AmiCallTracker.create(calls, AgentDirectory.identity()));
                client.start();
                Await.until(10, () -> changes.stream().anyMatch(s -> s.startsWith("ENDED")));
            }
            assertThat(ami.received().get(0).action().value("Username")).isEqualTo("cp");
            assertThat(ami.received().get(0).action().value("Secret")).isEqualTo("s3cret");
            assertThat(events).containsExactly("FullyBooted", "QueueCallerJoin", "AgentCalled", "QueueCallerLeave",
                    "AgentConnect", "BridgeEnter", "BridgeEnter", "AgentComplete", "Hangup", "Hangup", "Hangup",
                    "Hangup", "Hangup", "Hangup");
            assertThat(changes).containsExactly("QUEUED:WAITING:", "AGENT_CALLED:RINGING:agent1", "QUEUED:RINGING:agent1",
                    "CONNECTED:CONNECTED:agent1", "AGENT_DONE:CONNECTED:agent1", "ENDED:ENDED:agent1");
            assertThat(calls.size()).isZero();
        }
    }

    @Test
    void correlatesTheRecordedActionReplies() throws Exception {
        List<Object> recorded = RecordedAmi.decode("ami-actions.txt");
        Map<String, List<AmiMessage>> byId = new LinkedHashMap<>();
        AmiMessage goodbye = null;
        for (Object o : recorded.subList(2, recorded.size())) {
            AmiMessage m = (AmiMessage) o;
            if (m.value("Response").equals("Goodbye")) {
                goodbye = m;
            } else {
                byId.computeIfAbsent(m.actionId(), k -> new ArrayList<>()).add(m);
            }
        }
        AmiMessage bye = goodbye;
        AmiMessage loginOk = (AmiMessage) recorded.get(1);
        try (AmiEndpoint ami = scripted((a, out) -> {
            String id = a.actionId();
            String rec = switch (a.value("Action")) {
                case "Login" -> {
                    write(out, AmiEncoder.bytes(loginOk));
                    yield null;
                }
                case "Status" -> "st1";
                case "QueueChangePriorityCaller" -> a.value("Caller").equals("Local/5551234@cp-inbound-00000003;2") ? "p1" : "p2";
                case "Setvar" -> "v1";
                case "UserEvent" -> "u1";
                case "Redirect" -> a.value("Channel").equals("nosuch") ? "r2" : "r1";
                case "Logoff" -> {
                    write(out, withId(bye, id));
                    yield null;
                }
                default -> null;
            };
            if (rec != null) {
                byId.get(rec).forEach(m -> write(out, withId(m, id)));
            }
            return !a.value("Action").equals("Logoff");
        })) {
            AmiOptions opts = new AmiOptions("127.0.0.1", ami.port(), "cp", "s3cret", Duration.ofSeconds(5), 1000,
                    Duration.ofMillis(50), Duration.ofMillis(200));
            AtomicInteger connected = new AtomicInteger();
            try (AmiClient client = AmiClient.create(opts, Set.of(), new SimpleMeterRegistry())) {
                client.addListener(new AmiListener() {
                    @Override
                    public void onEvent(AmiMessage event) {
                    }

                    @Override
                    public void onConnected(AmiClient c) {
                        connected.incrementAndGet();
                    }
                });
                client.start();
                Await.until(5, client::connected);

                AmiResponse status = client.send(AmiAction.status()).get(5, TimeUnit.SECONDS);
                assertThat(status.success()).isTrue();
                assertThat(status.events()).hasSize(4);
                assertThat(status.events().get(3).value("Application")).isEqualTo("Queue");
                assertThat(status.events().get(3).value("Channel")).isEqualTo("Local/5551234@cp-inbound-00000003;2");

                AmiResponse ok = client.send(AmiAction.queueChangePriorityCaller("billing",
                        "Local/5551234@cp-inbound-00000003;2", 10)).get(5, TimeUnit.SECONDS);
                assertThat(ok.success()).isTrue();
                assertThat(ok.message()).isEqualTo("Priority change for caller on queue");
                AmiResponse noCaller = client.send(AmiAction.queueChangePriorityCaller("billing", "1795339264.7", 10))
                        .get(5, TimeUnit.SECONDS);
                assertThat(noCaller.success()).isFalse();
                assertThat(noCaller.message()).endsWith("No such caller");

                assertThat(client.send(AmiAction.redirect("Local/5551234@cp-inbound-00000003;2", "cp-escalation", "s", 1))
                        .get(5, TimeUnit.SECONDS).message()).isEqualTo("Redirect successful");
                AmiResponse gone = client.send(AmiAction.redirect("nosuch", "cp-escalation", "s", 1)).get(5, TimeUnit.SECONDS);
                assertThat(gone.success()).isFalse();
                assertThat(gone.message()).isEqualTo("Channel does not exist: nosuch");

                // The connection drops: the client logs in again and re-synchronises.
                ami.dropClients();
                Await.until(10, () -> connected.get() == 2 && client.connected());
                assertThat(client.send(AmiAction.of("Setvar", "Channel", "x", "Variable", "A", "Value", "1"))
                        .get(5, TimeUnit.SECONDS).message()).isEqualTo("Variable Set");
            }
            // close() logged off politely.
            assertThat(ami.received().get(ami.received().size() - 1).action().value("Action")).isEqualTo("Logoff");
        }
    }

    @Test
    void aSlowConsumerNeverStallsTheReader() throws Exception {
        byte[] varset = AmiEncoder.bytes(AmiMessage.of("Event", "VarSet", "Channel", "PJSIP/1-1", "Variable", "X",
                "Value", "1", "Uniqueid", "1.1"));
        try (AmiEndpoint ami = scripted((a, out) -> {
            String id = a.actionId();
            if (a.value("Action").equals("Login")) {
                write(out, AmiEncoder.bytes(AmiMessage.of("Response", "Success", "ActionID", id, "Message",
                        "Authentication accepted")));
                for (int i = 0; i < 20_000; i++) {
                    write(out, varset);
                }
                write(out, AmiEncoder.bytes(AmiMessage.of("Event", "Hangup", "Channel", "PJSIP/1-1", "Uniqueid", "1.1")));
            } else {
                write(out, AmiEncoder.bytes(AmiMessage.of("Response", "Success", "ActionID", id, "Ping", "Pong")));
            }
            return true;
        })) {
            AmiOptions opts = new AmiOptions("127.0.0.1", ami.port(), "cp", "s3cret", Duration.ofSeconds(5), 256,
                    Duration.ofMillis(50), Duration.ofMillis(200));
            List<String> seen = new CopyOnWriteArrayList<>();
            try (AmiClient client = AmiClient.create(opts, Set.of(), new SimpleMeterRegistry())) {
                client.addListener(e -> {
                    seen.add(e.value("Event"));
                    try {
                        Thread.sleep(1); // a slow consumer
                    } catch (InterruptedException ie) {
                        Thread.currentThread().interrupt();
                    }
                });
                client.start();
                Await.until(5, client::connected);
                // The reader answers an action while the consumer is still far behind.
                assertThat(client.send(AmiAction.of("Ping")).get(5, TimeUnit.SECONDS).reply().value("Ping"))
                        .isEqualTo("Pong");
                Await.until(20, () -> seen.contains("Hangup"));
                assertThat(client.dropped()).isPositive();
                assertThat(seen.size() + client.dropped()).isEqualTo(20_001);
            }
        }
    }
}
