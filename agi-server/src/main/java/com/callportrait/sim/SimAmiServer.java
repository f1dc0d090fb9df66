package com.callportrait.sim;

import com.callportrait.live.ami.AmiDecoder;
import com.callportrait.live.ami.AmiEncoder;
import com.callportrait.live.ami.AmiMessage;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A small AMI server speaking the recorded Asterisk 22 format: banner
 * {@code Asterisk Call Manager/11.0.0}, {@code Login} (a wrong secret gets {@code Authentication
 * failed} after 1 s and the connection closed, as Asterisk does), {@code FullyBooted}, events
 * broadcast to every logged-in client, and replies to {@code Status} (with {@code BridgeID} on
 * both legs of an answered call), {@code QueueStatus} ({@code QueueMember}, {@code QueueEntry}),
 * {@code QueueChangePriorityCaller} ("No such caller" unless the channel waits in that queue),
 * {@code Redirect} ("Channel does not exist: X"), {@code Ping}, {@code Logoff}. Every action
 * received is recorded with its arrival time. Thread-safe; {@link #close()} stops it.
 */
public final class SimAmiServer implements AutoCloseable {
    /** An action as received, with {@link System#nanoTime()} at arrival. */
    public record Received(AmiMessage action, long nanos) {
    }

    /**
     * A simulated live channel: where it waits, if anywhere, and the bridge it is in with its peer
     * (empty when none: Asterisk's {@code BridgeID:} is then empty, as in the recorded reply).
     */
    record SimChannel(String channel, String uniqueId, String queue, String bridgeId, String peer) {
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
    private final java.util.concurrent.atomic.AtomicInteger logins = new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.concurrent.atomic.AtomicInteger refused = new java.util.concurrent.atomic.AtomicInteger();
    private volatile long refuseUntilNanos = System.nanoTime();
    private Channel server;

    private SimAmiServer(String username, String secret) {
        this.username = username;
        this.secret = secret;
    }

    public static SimAmiServer create(String username, String secret) {
        return new SimAmiServer(username, secret);
    }

    public synchronized InetSocketAddress start(String host, int port) throws InterruptedException {
        server = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(AmiDecoder.server(), AmiEncoder.INSTANCE, new Session());
                    }
                }).bind(host, port).sync().channel();
        return (InetSocketAddress) server.localAddress();
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
    public void broadcast(AmiMessage event) {
        clients.forEach(c -> c.writeAndFlush(event));
    }

    /** Drops every client connection (tests of reconnect). */
    public void dropClients() {
        clients.forEach(Channel::close);
    }

    /**
     * For {@code d} from now, a new connection is closed as soon as it is accepted, before the
     * banner (an Asterisk restarting): the client must keep retrying with its backoff.
     */
    public void refuseConnectionsFor(java.time.Duration d) {
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

    void channelUp(String channel, String uniqueId, String queue) {
        channels.put(channel, new SimChannel(channel, uniqueId, queue));
    }

    void channelLeftQueue(String channel) {
        channels.computeIfPresent(channel, (k, c) -> new SimChannel(c.channel(), c.uniqueId(), "", c.bridgeId(),
                c.peer()));
    }

    /**
     * The caller's channel and the agent's channel ({@code agentChannel}, of member {@code iface}
     * named {@code member} in {@code queue}) enter one bridge, as app_queue does on answer:
     * {@code Status} then shows the same {@code BridgeID} on both legs, and {@code QueueStatus}
     * lists the member as in a call.
     */
    void channelBridged(String callerChannel, String agentChannel, String agentUid, String queue, String iface,
                        String member) {
        String bridge = java.util.UUID.randomUUID().toString();
        members.putIfAbsent(queue + "|" + iface, new Member(queue, iface, member));
        channels.computeIfPresent(callerChannel, (k, c) -> new SimChannel(c.channel(), c.uniqueId(), c.queue(),
                bridge, agentChannel));
        channels.put(agentChannel, new SimChannel(agentChannel, agentUid, "", bridge, callerChannel));
    }

    void channelDown(String channel) {
        SimChannel c = channels.remove(channel);
        if (c != null && !c.peer().isEmpty()) {
            channels.remove(c.peer());
        }
    }

    private final class Session extends SimpleChannelInboundHandler<AmiMessage> {
        private boolean loggedIn;

        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            if (System.nanoTime() - refuseUntilNanos < 0) {
                refused.incrementAndGet();
                ctx.close();
                return;
            }
            ctx.writeAndFlush(Unpooled.copiedBuffer("Asterisk Call Manager/11.0.0\r\n", StandardCharsets.US_ASCII));
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            clients.remove(ctx.channel());
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, AmiMessage a) {
            Received r = new Received(a, System.nanoTime());
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
                case "ping" -> ctx.writeAndFlush(AmiMessage.of("Response", "Success", "ActionID", id, "Ping", "Pong",
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
                case "logoff" -> ctx.writeAndFlush(AmiMessage.of("Response", "Goodbye", "ActionID", id,
                        "Message", "Thanks for all the fish.")).addListener(f -> ctx.close());
                default -> ctx.writeAndFlush(reply("Error", id, "Invalid/unknown command"));
            }
        }

        private void login(ChannelHandlerContext ctx, AmiMessage a, String id) {
            if (a.value("Username").equals(username) && a.value("Secret").equals(secret)) {
                loggedIn = true;
                ctx.writeAndFlush(reply("Success", id, "Authentication accepted"));
                ctx.writeAndFlush(AmiMessage.of("Event", "FullyBooted", "Privilege", "system,all", "Uptime", "159",
                        "LastReload", "105", "Status", "Fully Booted"));
                clients.add(ctx.channel());
                logins.incrementAndGet();
            } else {
                ctx.executor().schedule(() -> ctx.writeAndFlush(reply("Error", id, "Authentication failed"))
                        .addListener(f -> ctx.close()), 1, TimeUnit.SECONDS);
            }
        }

        private void status(ChannelHandlerContext ctx, String id) {
            ctx.write(AmiMessage.of("Response", "Success", "ActionID", id, "EventList", "start",
                    "Message", "Channel status will follow"));
            List<SimChannel> all = new ArrayList<>(channels.values());
            for (SimChannel c : all) {
                ctx.write(AmiMessage.of("Event", "Status", "Privilege", "Call", "Channel", c.channel(),
                        "ChannelState", "6", "ChannelStateDesc", "Up", "Uniqueid", c.uniqueId(),
                        "Linkedid", c.uniqueId(), "BridgeID", c.bridgeId(),
                        "Application", c.queue().isEmpty() ? "AppDial" : "Queue", "ActionID", id));
            }
            ctx.writeAndFlush(AmiMessage.of("Event", "StatusComplete", "ActionID", id, "EventList", "Complete",
                    "ListItems", Integer.toString(all.size()), "Items", Integer.toString(all.size())));
        }

        private void queueStatus(ChannelHandlerContext ctx, String id) {
            ctx.write(AmiMessage.of("Response", "Success", "ActionID", id, "EventList", "start",
                    "Message", "Queue status will follow"));
            for (Member m : members.values()) {
                boolean inCall = channels.values().stream().anyMatch(c -> !c.bridgeId().isEmpty()
                        && c.queue().isEmpty() && c.channel().startsWith(m.iface() + "-"));
                // the field names of app_queue's QueueMember (Name/Location, not MemberName/Interface)
                ctx.write(AmiMessage.of("Event", "QueueMember", "Queue", m.queue(), "Name", m.name(),
                        "Location", m.iface(), "StateInterface", m.iface(), "Membership", "static", "Penalty", "0",
                        "CallsTaken", "0", "LastCall", "0", "LastPause", "0", "LoginTime", "0",
                        "InCall", inCall ? "1" : "0", "Status", inCall ? "2" : "1", "Paused", "0",
                        "PausedReason", "", "Wrapuptime", "0", "ActionID", id));
            }
            int n = 0;
            for (SimChannel c : channels.values()) {
                if (!c.queue().isEmpty()) {
                    n++;
                    ctx.write(AmiMessage.of("Event", "QueueEntry", "Queue", c.queue(), "Position", Integer.toString(n),
                            "Channel", c.channel(), "Uniqueid", c.uniqueId(), "ActionID", id));
                }
            }
            ctx.writeAndFlush(AmiMessage.of("Event", "QueueStatusComplete", "ActionID", id, "EventList", "Complete",
                    "ListItems", Integer.toString(n)));
        }
    }

    private static AmiMessage reply(String response, String id, String message) {
        return id.isEmpty() ? AmiMessage.of("Response", response, "Message", message)
                : AmiMessage.of("Response", response, "ActionID", id, "Message", message);
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.close().syncUninterruptibly();
        }
        clients.forEach(Channel::close);
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    }
}
