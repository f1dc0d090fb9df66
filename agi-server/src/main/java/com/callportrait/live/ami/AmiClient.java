package com.callportrait.live.ami;

import com.callportrait.common.net.EventLoops;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A long-lived AMI connection on Netty: logs in, keeps reconnecting with exponential backoff
 * (with jitter) whenever the connection drops or login fails, correlates replies by
 * {@code ActionID}, times actions out, collects event lists, filters events and hands them to
 * {@link AmiListener}s through a bounded queue drained by one dispatch thread. The event loop and
 * the dispatch thread are its own, not the application's shared scheduler: the loop does socket
 * I/O (reconnect backoff and action timeouts are scheduled on it), and the dispatch thread blocks
 * on the queue and delivers events in order.
 *
 * <p>Why not asterisk-java's {@code ManagerConnection}: its reader thread calls the listeners
 * (a slow consumer stalls the socket), its {@code sendAction} blocks the calling thread, and it
 * maps events to bean classes by reflection (unknown fields are lost). Here the reader only
 * parses and enqueues; when the queue fills, chatty events ({@link #CHATTY}) are dropped first,
 * then anything, and every drop is counted ({@code cp_ami_events_dropped_total}).
 *
 * <p>Lifecycle: {@link #create}, {@link #addListener}, {@link #start()}, {@link #close()}.
 * Thread-safe: {@link #send} may be called from any thread; its future completes on the I/O
 * thread (do not block in continuations).
 */
public final class AmiClient implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(AmiClient.class);
    /** High-volume events dropped first when consumers fall behind. */
    public static final Set<String> CHATTY = Set.of("varset", "newexten", "newstate", "devicestatechange",
            "newcallerid", "newconnectedline", "rtcpsent", "rtcpreceived", "localbridge", "dialstate");

    private final AmiOptions options;
    private final Set<String> wanted;
    private final EventLoopGroup group = new NioEventLoopGroup(1, new DefaultThreadFactory("ami-io", true));
    private final BlockingQueue<Runnable> queue;
    private final List<AmiListener> listeners = new CopyOnWriteArrayList<>();
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final Counter received;
    private final Counter droppedChatty;
    private final Counter droppedFull;
    private final Counter reconnects;
    private final Counter protocolErrors;
    private final Thread dispatcher;
    private volatile Channel channel;
    private volatile boolean loggedIn;
    private volatile boolean closed;
    /** The last reason the connection was not up, for /health. */
    private volatile String lastProblem = "connecting";
    private long backoffMs;

    private static final class Pending {
        final CompletableFuture<AmiResponse> future = new CompletableFuture<>();
        final List<AmiMessage> events = new ArrayList<>();
        AmiMessage reply;
    }

    private AmiClient(AmiOptions options, Set<String> wantedEvents, MeterRegistry registry) {
        this.options = options;
        this.wanted = lower(wantedEvents);
        this.queue = new LinkedBlockingQueue<>(options.eventQueue());
        this.received = Counter.builder("cp.ami.events").description("AMI events read").register(registry);
        this.droppedChatty = Counter.builder("cp.ami.events.dropped").tag("kind", "chatty")
                .description("AMI events dropped because consumers fell behind").register(registry);
        this.droppedFull = Counter.builder("cp.ami.events.dropped").tag("kind", "any")
                .description("AMI events dropped because consumers fell behind").register(registry);
        this.reconnects = Counter.builder("cp.ami.reconnects").description("AMI reconnect attempts").register(registry);
        this.protocolErrors = Counter.builder("cp.ami.protocol.errors")
                .description("AMI connections closed because the peer broke the protocol").register(registry);
        Gauge.builder("cp.ami.connected", this, c -> c.loggedIn ? 1 : 0).register(registry);
        Gauge.builder("cp.ami.events.queued", queue, BlockingQueue::size).register(registry);
        Gauge.builder("cp.ami.events.capacity", options, AmiOptions::eventQueue)
                .description("events the hand-off queue holds (CP_AMI_EVENT_QUEUE)").register(registry);
        Gauge.builder("cp.netty.pending.tasks", group, EventLoops::pendingTasks).tag("loop", "ami")
                .description("tasks waiting on the event loops (they should stay near 0)").register(registry);
        this.dispatcher = new Thread(this::dispatch, "ami-dispatch");
        this.dispatcher.setDaemon(true);
    }

    /**
     * A client that delivers only the named events (case-insensitive; empty = all) to listeners.
     * List events of actions ({@code Status}...) always reach the action's future.
     */
    public static AmiClient create(AmiOptions options, Set<String> wantedEvents, MeterRegistry registry) {
        return new AmiClient(options, wantedEvents, registry);
    }

    public AmiClient addListener(AmiListener l) {
        listeners.add(l);
        return this;
    }

    /** Starts connecting in the background; returns at once. */
    public AmiClient start() {
        dispatcher.start();
        connect();
        return this;
    }

    /** True while logged in. */
    public boolean connected() {
        return loggedIn;
    }

    /** Why the client is not logged in (the last failure), for /health. */
    public String lastProblem() {
        return lastProblem;
    }

    /** Events waiting for the dispatch thread. */
    public int queuedEvents() {
        return queue.size();
    }

    /** Events dropped so far because consumers were slow (chatty first). */
    public long dropped() {
        return (long) (droppedChatty.count() + droppedFull.count());
    }

    /**
     * Sends an action; completes with its reply (and list events), or exceptionally with an
     * {@link AmiException} when not logged in, on timeout, or when the connection drops first.
     * An {@code Error} reply completes normally: check {@link AmiResponse#success()}.
     */
    public CompletableFuture<AmiResponse> send(AmiAction action) {
        Channel ch = channel;
        if (!loggedIn || ch == null) {
            return CompletableFuture.failedFuture(new AmiNotConnectedException("AMI not connected; " + action.name() + " not sent"));
        }
        return write(ch, action);
    }

    private CompletableFuture<AmiResponse> write(Channel ch, AmiAction action) {
        String id = "cp-" + ids.incrementAndGet();
        Pending p = new Pending();
        pending.put(id, p);
        List<Map.Entry<String, String>> f = new ArrayList<>();
        f.add(Map.entry("Action", action.name()));
        f.add(Map.entry("ActionID", id));
        f.addAll(action.fields());
        ch.writeAndFlush(new AmiMessage(f)).addListener(w -> {
            if (!w.isSuccess()) {
                // The socket refused the bytes (connection closing): Asterisk never read a whole
                // action, so the caller may safely try again after the reconnect.
                Pending p2 = pending.remove(id);
                if (p2 != null) {
                    p2.future.completeExceptionally(new AmiNotConnectedException("AMI connection closed; "
                            + action.name() + " not written: " + w.cause()));
                }
            }
        });
        ch.eventLoop().schedule(() -> fail(id, action.name() + " timed out after "
                + options.actionTimeout().toMillis() + " ms"), options.actionTimeout().toMillis(), TimeUnit.MILLISECONDS);
        return p.future;
    }

    private void fail(String id, String why) {
        Pending p = pending.remove(id);
        if (p != null) {
            p.future.completeExceptionally(new AmiException(why));
        }
    }

    private void connect() {
        if (closed) {
            return;
        }
        Bootstrap b = new Bootstrap().group(group).channel(NioSocketChannel.class)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 3000)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.SO_KEEPALIVE, true)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(AmiDecoder.client(), AmiEncoder.INSTANCE, new Handler());
                    }
                });
        ChannelFuture f = b.connect(options.host(), options.port());
        f.addListener(c -> {
            if (!c.isSuccess()) {
                log.warn("AMI connect to {}:{} failed: {}", options.host(), options.port(), c.cause().getMessage());
                lastProblem = "connect to " + options.host() + ":" + options.port() + " failed: " + c.cause().getMessage();
                scheduleReconnect();
            }
        });
    }

    private void scheduleReconnect() {
        if (closed) {
            return;
        }
        backoffMs = Math.min(options.reconnectMax().toMillis(),
                Math.max(options.reconnectMin().toMillis(), backoffMs * 2));
        long delay = (long) (backoffMs * (0.8 + 0.4 * ThreadLocalRandom.current().nextDouble()));
        reconnects.increment();
        group.schedule(this::connect, delay, TimeUnit.MILLISECONDS);
    }

    /** Hands work to the dispatch thread; returns false (caller counts) when the queue is full. */
    private boolean enqueue(Runnable r, boolean control) {
        if (control) {
            // Connection changes must not be lost: they wait for room (rare, never on a hot path).
            try {
                return queue.offer(r, 1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return queue.offer(r);
    }

    private void onEvent(AmiMessage m) {
        received.increment();
        String name = m.eventLower();
        if (!wanted.isEmpty() && !wanted.contains(name)) {
            return;
        }
        boolean chatty = CHATTY.contains(name);
        if (chatty && queue.remainingCapacity() < options.eventQueue() / 2) {
            droppedChatty.increment();
            return;
        }
        if (!enqueue(() -> listeners.forEach(l -> safely(() -> l.onEvent(m))), false)) {
            (chatty ? droppedChatty : droppedFull).increment();
        }
    }

    private void dispatch() {
        while (!closed || !queue.isEmpty()) {
            try {
                Runnable r = queue.poll(200, TimeUnit.MILLISECONDS);
                if (r != null) {
                    r.run();
                }
            } catch (InterruptedException e) {
                if (closed) {
                    return;
                }
            }
        }
    }

    private static void safely(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            log.warn("AMI listener failed: {}", e.toString(), e);
        }
    }

    private final class Handler extends SimpleChannelInboundHandler<Object> {
        private String loginId;

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof AmiBanner) {
                loginId = "login-" + ids.incrementAndGet();
                ctx.writeAndFlush(AmiMessage.of("Action", "Login", "ActionID", loginId,
                        "Username", options.username(), "Secret", options.secret(), "Events", "on"));
                return;
            }
            AmiMessage m = (AmiMessage) msg;
            String id = m.actionId();
            if (loginId != null && m.isResponse() && (id.equals(loginId) || id.isEmpty() && !loggedIn)) {
                loginReply(ctx, m);
                return;
            }
            Pending p = id.isEmpty() ? null : pending.get(id);
            if (p != null) {
                actionMessage(id, p, m);
            } else if (m.event().isPresent()) {
                onEvent(m);
            }
        }

        private void loginReply(ChannelHandlerContext ctx, AmiMessage m) {
            loginId = null;
            if (!"Success".equalsIgnoreCase(m.value("Response"))) {
                log.error("AMI login as '{}' refused: {} (check CP_AMI_URI / manager.conf)", options.username(),
                        m.value("Message"));
                lastProblem = "login as '" + options.username() + "' refused: " + m.value("Message");
                ctx.close();
                return;
            }
            channel = ctx.channel();
            loggedIn = true;
            backoffMs = 0;
            log.info("AMI logged in to {}:{} as {}", options.host(), options.port(), options.username());
            enqueue(() -> listeners.forEach(l -> safely(() -> l.onConnected(AmiClient.this))), true);
        }

        private void actionMessage(String id, Pending p, AmiMessage m) {
            if (m.isResponse()) {
                p.reply = m;
                if (!"start".equalsIgnoreCase(m.value("EventList"))) {
                    pending.remove(id);
                    p.future.complete(new AmiResponse(m, List.of()));
                }
                return;
            }
            if ("complete".equalsIgnoreCase(m.value("EventList"))) {
                pending.remove(id);
                p.future.complete(new AmiResponse(p.reply == null ? m : p.reply, p.events));
            } else {
                p.events.add(m);
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            boolean was = loggedIn;
            if (was) {
                lastProblem = "connection to " + options.host() + ":" + options.port() + " lost"; // before /health sees it
            }
            loggedIn = false;
            channel = null;
            for (String id : List.copyOf(pending.keySet())) {
                fail(id, "AMI connection lost");
            }
            if (closed) {
                return;
            }
            if (was) {
                log.warn("AMI connection to {}:{} lost; reconnecting", options.host(), options.port());
                enqueue(() -> listeners.forEach(l -> safely(() -> l.onDisconnected("connection lost"))), true);
            }
            scheduleReconnect();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            if (cause instanceof AmiProtocolException) {
                protocolErrors.increment();
                log.warn("AMI protocol violation from {}:{}: {}; closing and reconnecting", options.host(),
                        options.port(), cause.getMessage());
                lastProblem = "protocol violation: " + cause.getMessage();
            } else {
                log.warn("AMI connection error: {}", cause.toString());
                lastProblem = "connection error: " + cause;
            }
            ctx.close();
        }
    }

    /** Sends {@code Logoff} (best effort), stops reconnecting and the threads. */
    @Override
    public void close() {
        closed = true;
        Channel ch = channel;
        if (ch != null && loggedIn) {
            try {
                write(ch, AmiAction.of("Logoff")).get(1, TimeUnit.SECONDS);
            } catch (Exception e) {
                log.debug("AMI logoff: {}", e.toString());
            }
            ch.close();
        }
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        dispatcher.interrupt();
    }

    private static Set<String> lower(Set<String> names) {
        Set<String> s = new java.util.HashSet<>();
        names.forEach(n -> s.add(n.toLowerCase(Locale.ROOT)));
        return Set.copyOf(s);
    }
}
