package com.callportrait.simulator.ami;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A small AMI server speaking the recorded Asterisk 22 format: banner
 * {@code Asterisk Call Manager/11.0.0}, {@code Login} (a wrong secret gets {@code Authentication
 * failed} after 1 s and the connection closed, as Asterisk does), {@code FullyBooted}, events
 * broadcast to every logged-in client, and replies to {@code Status} (with {@code BridgeID} on
 * both legs of an answered call), {@code QueueStatus} ({@code QueueMember}, {@code QueueEntry}),
 * {@code QueueChangePriorityCaller} ("No such caller" unless the channel waits in that queue),
 * {@code Redirect} ("Channel does not exist: X"), {@code Ping}, {@code Logoff}. Every action
 * received is recorded with its arrival time.
 *
 * <p>The endpoint also holds the PBX side of the simulated calls ({@link #channelUp},
 * {@link #channelBridged}, {@link #channelDown}: what {@code Status} and {@code QueueStatus}
 * report) and sends their events ({@link #broadcast}, built by {@link AmiEvents}).
 *
 * <p>{@link #scripted} makes an endpoint that answers nothing by itself: after the banner every
 * action goes to a {@link Script} that writes whatever bytes it likes (replays of recorded
 * sessions, misbehaving managers).
 *
 * <p>Thread-safe. Lifecycle: {@link #create} or {@link #scripted}, {@link #start}, {@link #close()}.
 */
public final class AmiEndpoint implements AutoCloseable {
    /** An action as received, with {@link System#nanoTime()} at arrival. */
    public record Received(AmiFrame action, long nanos) {
    }

    /** What a scripted endpoint does with each action (on the endpoint's I/O thread). */
    @FunctionalInterface
    public interface Script {
        /**
         * Answers {@code action} by writing bytes to {@code wire}; returns false to close the
         * connection once they are written.
         */
        boolean reply(AmiFrame action, Wire wire);
    }

    /** The raw byte side of one connection, for {@link Script}s. */
    @FunctionalInterface
    public interface Wire {
        void write(byte[] bytes);
    }

    /**
     * A simulated live channel: where it waits, if anywhere, and the bridge it is in with its peer
     * (empty when none: Asterisk's {@code BridgeID:} is then empty, as in the recorded reply).
     */
    private record SimChannel(String channel, String uniqueId, String queue, String bridgeId, String peer) {
        SimChannel(String channel, String uniqueId, String queue) {
            this(channel, uniqueId, queue, "", "");
        }
    }

    /** A queue member as {@code QueueStatus} lists it. */
    private record Member(String queue, String iface, String name) {
    }

    private final String username;
    private final String secret;
    private final EventLoopGroup group = new NioEventLoopGroup(1, new DefaultThreadFactory("sim-ami", true));
    private final Set<Channel> clients = ConcurrentHashMap.newKeySet();
    private final Map<String, SimChannel> channels = new ConcurrentHashMap<>();
    private final Map<String, Member> members = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<Consumer<Received>> actionListeners = new CopyOnWriteArrayList<>();
    private final Set<Channel> connections = ConcurrentHashMap.newKeySet();
    private final AtomicInteger logins = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private final Script script;
    private volatile long refuseUntilNanos = System.nanoTime();
    private Channel server;

    private AmiEndpoint(String username, String secret, Script script) {
        this.username = username;
        this.secret = secret;
        this.script = script;
    }

    /** An endpoint accepting logins with {@code username}/{@code secret} and playing the PBX. */
    public static AmiEndpoint create(String username, String secret) {
        return new AmiEndpoint(username, secret, null);
    }

    /** An endpoint that writes the banner and hands every action to {@code script}. */
    public static AmiEndpoint scripted(Script script) {
        return new AmiEndpoint("", "", java.util.Objects.requireNonNull(script, "script"));
    }

    public synchronized InetSocketAddress start(String host, int port) throws InterruptedException {
        server = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new AmiFrameDecoder(), AmiFrameEncoder.INSTANCE, new Session());
                    }
                }).bind(host, port).sync().channel();
        return (InetSocketAddress) server.localAddress();
    }

    /** The port it listens on (after {@link #start}). */
    public synchronized int port() {
        return ((InetSocketAddress) server.localAddress()).getPort();
    }

    /** Called for every action received (on the server's I/O thread: be quick). */
    public void onAction(Consumer<Received> l) {
        actionListeners.add(l);
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    /** Logged-in clients. */
    public int clients() {
        return clients.size();
    }

    /** Sends an event to every logged-in client. */
    public void broadcast(AmiFrame event) {
        clients.forEach(c -> c.writeAndFlush(event));
    }

    /** Drops every connection, logged in or not (tests of reconnect). */
    public void dropClients() {
        connections.forEach(Channel::close);
    }

    /**
     * For {@code d} from now, a new connection is closed as soon as it is accepted, before the
     * banner (an Asterisk restarting): the client must keep retrying with its backoff.
     */
    public void refuseConnectionsFor(Duration d) {
        refuseUntilNanos = System.nanoTime() + d.toNanos();
    }

    /** Successful logins so far (the first one and every reconnect). */
    public int logins() {
        return logins.get();
    }

    /** Connections closed unanswered because of {@link #refuseConnectionsFor}. */
    public int refusedConnections() {
        return refused.get();
    }

    /** The caller's channel exists and waits in {@code queue} ({@code ""} = not in a queue). */
    public void channelUp(String channel, String uniqueId, String queue) {
        channels.put(channel, new SimChannel(channel, uniqueId, queue));
    }

    /** The channel left its queue (answered or given up). */
    public void channelLeftQueue(String channel) {
        channels.computeIfPresent(channel, (k, c) -> new SimChannel(c.channel(), c.uniqueId(), "", c.bridgeId(),
                c.peer()));
    }

    /**
     * The caller's channel and the agent's channel ({@code agentChannel}, of member {@code iface}
     * named {@code member} in {@code queue}) enter one bridge, as app_queue does on answer:
     * {@code Status} then shows the same {@code BridgeID} on both legs, and {@code QueueStatus}
     * lists the member as in a call.
     */
    public void channelBridged(String callerChannel, String agentChannel, String agentUid, String queue, String iface,
                        String member) {
        String bridge = UUID.randomUUID().toString();
        members.putIfAbsent(queue + "|" + iface, new Member(queue, iface, member));
        channels.computeIfPresent(callerChannel, (k, c) -> new SimChannel(c.channel(), c.uniqueId(), c.queue(),
                bridge, agentChannel));
        channels.put(agentChannel, new SimChannel(agentChannel, agentUid, "", bridge, callerChannel));
    }

    /** The channel hung up (and its bridge peer with it). */
    public void channelDown(String channel) {
        SimChannel c = channels.remove(channel);
        if (c != null && !c.peer().isEmpty()) {
            channels.remove(c.peer());
        }
    }

    private final class Session extends SimpleChannelInboundHandler<AmiFrame> {
        private boolean loggedIn;

        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            if (System.nanoTime() - refuseUntilNanos < 0) {
                refused.incrementAndGet();
                ctx.close();
                return;
            }
            connections.add(ctx.channel());
            ctx.writeAndFlush(Unpooled.copiedBuffer("Asterisk Call Manager/11.0.0\r\n", StandardCharsets.US_ASCII));
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            clients.remove(ctx.channel());
            connections.remove(ctx.channel());
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, AmiFrame a) {
            Received r = new Received(a, System.nanoTime());
            if (script != null) {
                received.add(r);
                actionListeners.forEach(l -> l.accept(r));
                boolean keep = script.reply(a, bytes -> ctx.write(Unpooled.wrappedBuffer(bytes)));
                ctx.flush();
                if (!keep) {
                    ctx.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(f -> ctx.close());
                }
                return;
            }
            String action = a.value("Action");
            String id = a.actionId();
            if (!loggedIn && !action.equalsIgnoreCase("Login")) {
                ctx.writeAndFlush(reply("Error", id, "Permission denied"));
                return;
            }
            received.add(r);
            actionListeners.forEach(l -> l.accept(r));
            switch (action.toLowerCase()) {
                case "login" -> login(ctx, a, id);
                case "ping" -> ctx.writeAndFlush(AmiFrame.of("Response", "Success", "ActionID", id, "Ping", "Pong",
                        "Timestamp", Long.toString(System.currentTimeMillis() / 1000)));
                case "status" -> status(ctx, id);
                case "queuestatus" -> queueStatus(ctx, id);
                case "queuechangeprioritycaller" -> {
                    SimChannel c = channels.get(a.value("Caller"));
                    boolean waiting = c != null && c.queue().equals(a.value("Queue"));
                    ctx.writeAndFlush(waiting ? reply("Success", id, "Priority change for caller on queue")
                            : reply("Error", id, "Unable to change priority caller on queue: No such caller"));
                }
                case "redirect" -> {
                    String ch = a.value("Channel");
                    ctx.writeAndFlush(channels.containsKey(ch) ? reply("Success", id, "Redirect successful")
                            : reply("Error", id, "Channel does not exist: " + ch));
                }
                case "logoff" -> ctx.writeAndFlush(AmiFrame.of("Response", "Goodbye", "ActionID", id,
                        "Message", "Thanks for all the fish.")).addListener(f -> ctx.close());
                default -> ctx.writeAndFlush(reply("Error", id, "Invalid/unknown command"));
            }
        }

        private void login(ChannelHandlerContext ctx, AmiFrame a, String id) {
            if (a.value("Username").equals(username) && a.value("Secret").equals(secret)) {
                loggedIn = true;
                ctx.writeAndFlush(reply("Success", id, "Authentication accepted"));
                ctx.writeAndFlush(AmiFrame.of("Event", "FullyBooted", "Privilege", "system,all", "Uptime", "159",
                        "LastReload", "105", "Status", "Fully Booted"));
                clients.add(ctx.channel());
                logins.incrementAndGet();
            } else {
                ctx.executor().schedule(() -> ctx.writeAndFlush(reply("Error", id, "Authentication failed"))
                        .addListener(f -> ctx.close()), 1, TimeUnit.SECONDS);
            }
        }

        private void status(ChannelHandlerContext ctx, String id) {
            ctx.write(AmiFrame.of("Response", "Success", "ActionID", id, "EventList", "start",
                    "Message", "Channel status will follow"));
            List<SimChannel> all = new ArrayList<>(channels.values());
            for (SimChannel c : all) {
                ctx.write(AmiFrame.of("Event", "Status", "Privilege", "Call", "Channel", c.channel(),
                        "ChannelState", "6", "ChannelStateDesc", "Up", "Uniqueid", c.uniqueId(),
                        "Linkedid", c.uniqueId(), "BridgeID", c.bridgeId(),
                        "Application", c.queue().isEmpty() ? "AppDial" : "Queue", "ActionID", id));
            }
            ctx.writeAndFlush(AmiFrame.of("Event", "StatusComplete", "ActionID", id, "EventList", "Complete",
                    "ListItems", Integer.toString(all.size()), "Items", Integer.toString(all.size())));
        }

        private void queueStatus(ChannelHandlerContext ctx, String id) {
            ctx.write(AmiFrame.of("Response", "Success", "ActionID", id, "EventList", "start",
                    "Message", "Queue status will follow"));
            for (Member m : members.values()) {
                boolean inCall = channels.values().stream().anyMatch(c -> !c.bridgeId().isEmpty()
                        && c.queue().isEmpty() && c.channel().startsWith(m.iface() + "-"));
                // the field names of app_queue's QueueMember (Name/Location, not MemberName/Interface)
                ctx.write(AmiFrame.of("Event", "QueueMember", "Queue", m.queue(), "Name", m.name(),
                        "Location", m.iface(), "StateInterface", m.iface(), "Membership", "static", "Penalty", "0",
                        "CallsTaken", "0", "LastCall", "0", "LastPause", "0", "LoginTime", "0",
                        "InCall", inCall ? "1" : "0", "Status", inCall ? "2" : "1", "Paused", "0",
                        "PausedReason", "", "Wrapuptime", "0", "ActionID", id));
            }
            int n = 0;
            for (SimChannel c : channels.values()) {
                if (!c.queue().isEmpty()) {
                    n++;
                    ctx.write(AmiFrame.of("Event", "QueueEntry", "Queue", c.queue(), "Position", Integer.toString(n),
                            "Channel", c.channel(), "Uniqueid", c.uniqueId(), "ActionID", id));
                }
            }
            ctx.writeAndFlush(AmiFrame.of("Event", "QueueStatusComplete", "ActionID", id, "EventList", "Complete",
                    "ListItems", Integer.toString(n)));
        }
    }

    private static AmiFrame reply(String response, String id, String message) {
        return id.isEmpty() ? AmiFrame.of("Response", response, "Message", message)
                : AmiFrame.of("Response", response, "ActionID", id, "Message", message);
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.close().syncUninterruptibly();
        }
        connections.forEach(Channel::close);
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    }
}
