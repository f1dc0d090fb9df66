package com.callportrait.screenpop;

import com.callportrait.live.calls.CallChange;
import com.callportrait.live.calls.CallListener;
import com.callportrait.live.calls.CallRegistry;
import com.callportrait.live.calls.CallSnapshot;
import com.callportrait.live.calls.CallState;
import com.callportrait.live.AlertSink;
import com.callportrait.events.CallEvent;
import com.callportrait.events.EventWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Pushes live call changes to connected pages: the screen pop to the agent on AgentCalled and
 * AgentConnect, then transcript, emotion, intent, alerts and the end of the call; the supervisors
 * get the whole table, at most every 250 ms. Writes are Netty's non-blocking {@code writeAndFlush},
 * so the producer (AMI dispatch, speech worker) never waits for a browser.
 *
 * <p>Each pop that reaches an agent's page on this instance (its WebSocket frame written to the
 * page's socket) is recorded as a {@code type=screenpop} event: {@code agent}, {@code trigger}
 * ({@code agent_called}, {@code connected}, or {@code page_opened} for a page that connects during
 * a call), {@code state}, and {@code latency_ms} from the pop's {@code at} (when the hub built it,
 * on the call change) to the frame written, also across instances when the pop was relayed.
 *
 * <p>With several instances on one Asterisk the messages go through a {@link PopRelay}
 * ({@link #relayThrough}), so an agent's page gets its pops, transcript and alerts once, whichever
 * instance it is connected to.
 *
 * <p>Thread-safe. Lifecycle: {@link #create}, register as a {@link CallListener}, {@link #close()}.
 */
public final class ScreenPopHub implements CallListener, AlertSink, AutoCloseable {
    private final CallRegistry calls;
    private final Map<String, Set<Channel>> agents = new ConcurrentHashMap<>();
    private final Set<Channel> supervisors = ConcurrentHashMap.newKeySet();
    /** The last ended call of each agent, so a disposition can still name its customer. */
    private final Map<String, CallSnapshot> lastEnded = new ConcurrentHashMap<>();
    private final AtomicBoolean supervisorDirty = new AtomicBoolean();
    private final ScheduledFuture<?> supervisorFlush;
    private final Counter pops;
    private final Counter updates;
    private final Counter dropped;
    private volatile PopRelay relay;
    private final java.util.Optional<EventWriter> events;
    private final io.micrometer.core.instrument.Timer popLatency;

    private ScreenPopHub(CallRegistry calls, MeterRegistry registry, ScheduledExecutorService scheduler,
                         java.util.Optional<EventWriter> events) {
        this.calls = calls;
        this.events = events;
        this.popLatency = io.micrometer.core.instrument.Timer.builder("cp.screenpop.latency")
                .description("pop built on the call change to its frame written to the agent's page socket")
                .publishPercentiles(0.5, 0.95, 0.99).register(registry);
        this.pops = Counter.builder("cp.screenpop.pops").description("screen pops pushed").register(registry);
        this.updates = Counter.builder("cp.screenpop.updates").description("live updates pushed").register(registry);
        this.dropped = Counter.builder("cp.screenpop.messages.dropped")
                .description("messages not sent to a page whose socket is backed up (over Netty's write high-water mark)")
                .register(registry);
        io.micrometer.core.instrument.Gauge.builder("cp.screenpop.sockets", agents,
                m -> m.values().stream().mapToInt(Set::size).sum()).tag("role", "agent").register(registry);
        io.micrometer.core.instrument.Gauge.builder("cp.screenpop.sockets", supervisors, Set::size)
                .tag("role", "supervisor").register(registry);
        io.micrometer.core.instrument.Gauge.builder("cp.screenpop.sockets.backed.up", this, ScreenPopHub::backedUp)
                .description("page sockets whose outbound buffer is over the high-water mark (slow browsers)")
                .register(registry);
        this.relay = PopRelay.local(localPages());
        this.supervisorFlush = scheduler.scheduleWithFixedDelay(this::flushSupervisors, 250, 250,
                TimeUnit.MILLISECONDS);
    }

    /**
     * A hub pushing the supervisor table every 250 ms on {@code scheduler} (the application's shared
     * one: a flush only queues non-blocking writes).
     */
    public static ScreenPopHub create(CallRegistry calls, MeterRegistry registry, ScheduledExecutorService scheduler) {
        return new ScreenPopHub(calls, registry, scheduler, java.util.Optional.empty());
    }

    /** As above, recording every pop that reaches a page as a {@code screenpop} event in {@code events}. */
    public static ScreenPopHub create(CallRegistry calls, MeterRegistry registry, ScheduledExecutorService scheduler,
                                      EventWriter events) {
        return new ScreenPopHub(calls, registry, scheduler, java.util.Optional.of(events));
    }

    /**
     * Sends agent and alert messages through the relay {@code factory} builds on this instance's
     * pages (several instances on one Asterisk). Call before calls arrive.
     */
    public ScreenPopHub relayThrough(java.util.function.Function<PopRelay.Pages, PopRelay> factory) {
        this.relay = factory.apply(localPages());
        return this;
    }

    private PopRelay.Pages localPages() {
        return new PopRelay.Pages() {
            @Override
            public void toAgent(String agent, String text) {
                Set<Channel> s = agents.get(agent);
                if (s != null && !s.isEmpty()) {
                    boolean pop = text.startsWith(POP_PREFIX);
                    s.forEach(ch -> {
                        io.netty.channel.ChannelFuture f = write(ch, text);
                        if (pop && f != null) {
                            f.addListener(done -> popped(done.isSuccess(), agent, text, null));
                        }
                    });
                }
            }

            @Override
            public void toSupervisors(String text) {
                supervisors.forEach(ch -> write(ch, text));
            }
        };
    }

    /** An agent page connected (token already checked); it gets the pop of a call in progress. */
    public void agentJoined(String agent, Channel ch) {
        agents.computeIfAbsent(agent, a -> ConcurrentHashMap.newKeySet()).add(ch);
        ch.closeFuture().addListener(f -> agents.computeIfPresent(agent, (a, s) -> {
            s.remove(ch);
            return s.isEmpty() ? null : s;
        }));
        for (CallSnapshot c : calls.all()) {
            if (agent.equals(c.agent())) {
                String text = PopMessages.text(PopMessages.pop(c, calls.clock().instant()));
                io.netty.channel.ChannelFuture f = write(ch, text);
                if (f != null) {
                    f.addListener(done -> popped(done.isSuccess(), agent, text, "page_opened"));
                }
            }
        }
    }

    /** A supervisor page connected; it gets the table at once. */
    public void supervisorJoined(Channel ch) {
        supervisors.add(ch);
        ch.closeFuture().addListener(f -> supervisors.remove(ch));
        send(ch, PopMessages.calls(calls.all(), calls.clock().instant()));
    }

    /** The call {@code callId} of {@code agent}: live, or the agent's last ended call. */
    public java.util.Optional<CallSnapshot> callOf(String agent, String callId) {
        java.util.Optional<CallSnapshot> live = calls.get(callId).filter(c -> agent.equals(c.agent()));
        if (live.isPresent()) {
            return live;
        }
        CallSnapshot e = lastEnded.get(agent);
        return e != null && e.callId().equals(callId) ? java.util.Optional.of(e) : java.util.Optional.empty();
    }

    /** Agent pages open now (tests, metrics). */
    public int agentConnections(String agent) {
        Set<Channel> s = agents.get(agent);
        return s == null ? 0 : s.size();
    }

    @Override
    public void onChange(CallSnapshot c, CallChange change) {
        supervisorDirty.set(true);
        if (change != CallChange.ENDED) {
            relay.seen(c);
        }
        if (c.agent().isEmpty()) {
            if (change == CallChange.ENDED) {
                relay.ended(c);
            }
            return;
        }
        switch (change) {
            case AGENT_CALLED, CONNECTED -> {
                pops.increment();
                toAgent(c, PopMessages.pop(c, calls.clock().instant()), true);
            }
            case TRANSCRIPT -> toAgentDuringCall(c, PopMessages.transcript(c));
            case EMOTION -> toAgentDuringCall(c, PopMessages.emotion(c));
            case INTENT -> toAgentDuringCall(c, PopMessages.intent(c));
            case AGENT_DONE -> toAgent(c, PopMessages.simple("done", c), true);
            case ENDED -> {
                lastEnded.put(c.agent(), c);
                toAgent(c, PopMessages.simple("ended", c), true);
                relay.ended(c);
            }
            default -> { }
        }
    }

    @Override
    public void alert(CallSnapshot c, String rule, String message) {
        ObjectNode a = PopMessages.alert(c, rule, message);
        if (!c.agent().isEmpty()) {
            toAgent(c, a, false);
        }
        relay.toSupervisors(c, PopMessages.text(a));
    }

    private void toAgentDuringCall(CallSnapshot c, ObjectNode msg) {
        if (c.state() == CallState.CONNECTED || c.state() == CallState.RINGING) {
            updates.increment();
            toAgent(c, msg, false);
        }
    }

    private void toAgent(CallSnapshot c, ObjectNode msg, boolean everyInstance) {
        relay.toAgent(c, c.agent(), PopMessages.text(msg), everyInstance);
    }

    private void flushSupervisors() {
        if (supervisors.isEmpty() || !supervisorDirty.getAndSet(false)) {
            return;
        }
        String text = PopMessages.text(PopMessages.calls(calls.all(), calls.clock().instant()));
        supervisors.forEach(ch -> write(ch, text));
    }

    private void send(Channel ch, ObjectNode msg) {
        write(ch, PopMessages.text(msg));
    }

    /**
     * Writes unless the page's socket is backed up: a browser that does not read would otherwise
     * let its outbound buffer grow without bound. The supervisor table is re-sent every 250 ms and
     * an agent page gets the call's pop again when it reconnects, so a skipped message is recovered.
     */
    private io.netty.channel.ChannelFuture write(Channel ch, String text) {
        if (ch.isWritable()) {
            return ch.writeAndFlush(new TextWebSocketFrame(text));
        }
        dropped.increment();
        return null;
    }

    /** How every pop message starts ({@link PopMessages#pop} puts {@code type} first). */
    private static final String POP_PREFIX = "{\"type\":\"pop\"";

    /** A pop's frame was written to an agent's page: its latency and its {@code screenpop} event. */
    private void popped(boolean written, String agent, String text, String trigger) {
        if (!written) {
            return;
        }
        try {
            var n = PopMessages.JSON.readTree(text);
            java.time.Instant now = calls.clock().instant();
            java.time.Duration latency = java.time.Duration.between(java.time.Instant.parse(n.path("at").asText()), now);
            popLatency.record(latency);
            String state = n.path("state").asText("");
            String call = n.path("call").asText("");
            java.util.Optional<CallSnapshot> c = calls.get(call);
            events.ifPresent(ev -> {
                Map<String, String> f = new java.util.LinkedHashMap<>();
                f.put("agent", agent);
                f.put("trigger", trigger != null ? trigger : state.equals("connected") ? "connected" : "agent_called");
                f.put("state", state);
                f.put("latency_ms", String.format(java.util.Locale.ROOT, "%.1f", latency.toNanos() / 1e6));
                ev.offer(new CallEvent("screenpop", call, c.map(CallSnapshot::uniqueId).orElse(""),
                        c.map(CallSnapshot::phone).orElse(""), now, f));
            });
        } catch (java.io.IOException | RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(ScreenPopHub.class).debug("pop not recorded: {}", e.toString());
        }
    }

    private int backedUp() {
        int n = 0;
        for (Set<Channel> s : agents.values()) {
            for (Channel ch : s) {
                n += ch.isWritable() ? 0 : 1;
            }
        }
        for (Channel ch : supervisors) {
            n += ch.isWritable() ? 0 : 1;
        }
        return n;
    }

    @Override
    public void close() {
        supervisorFlush.cancel(false);
        relay.close();
    }
}
