package com.callportrait.screenpop;

import com.callportrait.live.calls.CallSnapshot;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Relays page messages between instances over Redis pub/sub (channel {@value #CHANNEL}): every
 * instance publishes what its pages should get, every instance subscribes and writes each message
 * to its own open pages, so an agent's page gets its messages whichever instance it is connected
 * to. A message every instance produces itself (a screen pop from AMI events) is published only
 * by the instance that owns the call: the first to claim {@code cp:claim:{CALL}:pops} (a
 * {@code SET NX} with an expiry, the same hash tag on the call as the action claims). The
 * instance that routed the call sees it first (the route runs before the caller joins the queue),
 * so its pops, which carry the portrait, are the ones relayed. Messages of one call are published
 * in order. When Redis does not answer (claim or publish), the message is written to this
 * instance's own pages instead: a page may then get it twice or, on another instance, not at all,
 * but a pop is never held back. Counted in {@code cp.screenpop.relayed} and
 * {@code cp.screenpop.relay.failures}.
 *
 * <p>Thread-safe. Lifecycle: {@link #start}, {@link #close()} (unsubscribes, closes the connection).
 */
public final class RedisPopRelay implements PopRelay {
    private static final Logger log = LoggerFactory.getLogger(RedisPopRelay.class);
    /** The pub/sub channel. */
    public static final String CHANNEL = "cp:pops";
    /** Sets KEYS[1] to ARGV[1] (expiring after ARGV[2] ms) unless held by another: 1 when this instance owns it. */
    static final String OWN = "if redis.call('set', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then return 1 end "
            + "if redis.call('get', KEYS[1]) == ARGV[1] then return 1 end return 0";

    private final RedisClusterAsyncCommands<String, String> redis;
    private final StatefulRedisPubSubConnection<String, String> subscription;
    private final String instance;
    private final Duration ttl;
    private final Duration timeout;
    private final Pages pages;
    private final Map<String, CompletableFuture<Boolean>> owned = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<?>> tails = new ConcurrentHashMap<>();
    private final Counter relayed;
    private final Counter failures;

    private RedisPopRelay(RedisClusterAsyncCommands<String, String> redis,
                          StatefulRedisPubSubConnection<String, String> subscription, String instance, Duration ttl,
                          Duration timeout, Pages pages, MeterRegistry registry) {
        this.redis = redis;
        this.subscription = subscription;
        this.instance = instance;
        this.ttl = ttl;
        this.timeout = timeout;
        this.pages = pages;
        this.relayed = Counter.builder("cp.screenpop.relayed").description("page messages received from the relay")
                .register(registry);
        this.failures = Counter.builder("cp.screenpop.relay.failures")
                .description("page messages written to this instance's pages only, as Redis did not answer")
                .register(registry);
    }

    /**
     * Subscribes on {@code subscription} (waiting up to 5 s, so no message published after this
     * returns is missed) and relays through {@code redis}.
     *
     * @param instance this instance's id (owner of the calls it claims)
     * @param ttl      how long a call's ownership holds (longer than any call)
     * @param timeout  how long a claim or publish may take before the message goes to local pages
     */
    public static RedisPopRelay start(RedisClusterAsyncCommands<String, String> redis,
                                      StatefulRedisPubSubConnection<String, String> subscription, String instance,
                                      Duration ttl, Duration timeout, Pages pages, MeterRegistry registry) {
        RedisPopRelay r = new RedisPopRelay(redis, subscription, instance, ttl, timeout, pages, registry);
        subscription.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String channel, String message) {
                r.received(message);
            }
        });
        try {
            subscription.async().subscribe(CHANNEL).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            subscription.close();
            throw new IllegalStateException("cannot subscribe to " + CHANNEL + ": " + e, e);
        }
        return r;
    }

    private void received(String message) {
        try {
            JsonNode n = PopMessages.JSON.readTree(message);
            String text = n.path("t").asText();
            relayed.increment();
            if (n.hasNonNull("a")) {
                pages.toAgent(n.get("a").asText(), text);
            } else {
                pages.toSupervisors(text);
            }
        } catch (IOException | RuntimeException e) {
            log.debug("ignoring a relayed message that is not ours: {}", e.toString());
        }
    }

    @Override
    public void seen(CallSnapshot call) {
        owns(call);
    }

    @Override
    public void toAgent(CallSnapshot call, String agent, String text, boolean everyInstance) {
        String key = callKey(call);
        tails.compute(key, (k, prev) -> (prev == null ? CompletableFuture.completedFuture(null) : prev)
                .handle((x, e) -> null)
                .thenCompose(x -> everyInstance ? owns(call) : CompletableFuture.completedFuture(true))
                .thenCompose(own -> own ? publish(agent, text) : CompletableFuture.completedFuture(null)));
    }

    @Override
    public void toSupervisors(CallSnapshot call, String text) {
        publish(null, text);
    }

    @Override
    public void ended(CallSnapshot call) {
        String key = callKey(call);
        CompletableFuture<?> tail = tails.get(key);
        Runnable forget = () -> {
            tails.remove(key, tail);
            owned.remove(key);
        };
        if (tail == null) {
            owned.remove(key);
        } else {
            tail.whenComplete((x, e) -> forget.run());
        }
    }

    /** Whether this instance relays the call's every-instance messages (true when Redis does not answer). */
    private CompletableFuture<Boolean> owns(CallSnapshot call) {
        String key = callKey(call);
        CompletableFuture<Boolean> f = owned.computeIfAbsent(key, k -> claim(call));
        return f.handle((own, e) -> {
            if (e != null) {
                owned.remove(key, f); // ask again for the next message
                return true;
            }
            return own;
        });
    }

    private CompletableFuture<Boolean> claim(CallSnapshot call) {
        try {
            return redis.<Long>eval(OWN, ScriptOutputType.INTEGER, new String[] {"cp:claim:{" + callKey(call) + "}:pops"},
                    instance, Long.toString(ttl.toMillis())).toCompletableFuture()
                    .orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS).thenApply(r -> r != null && r == 1L);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private CompletableFuture<Void> publish(String agent, String text) {
        ObjectNode m = PopMessages.JSON.createObjectNode().put("o", instance).put("t", text);
        if (agent != null) {
            m.put("a", agent);
        }
        CompletableFuture<Long> sent;
        try {
            sent = redis.publish(CHANNEL, m.toString()).toCompletableFuture()
                    .orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RuntimeException e) {
            sent = CompletableFuture.failedFuture(e);
        }
        return sent.handle((n, e) -> {
            if (e != null) {
                failures.increment();
                if (agent != null) {
                    pages.toAgent(agent, text);
                } else {
                    pages.toSupervisors(text);
                }
            }
            return null;
        });
    }

    private static String callKey(CallSnapshot call) {
        return call.uniqueId() == null || call.uniqueId().isEmpty() ? call.callId() : call.uniqueId();
    }

    @Override
    public void close() {
        try {
            subscription.close();
        } catch (RuntimeException e) {
            log.debug("closing the relay subscription: {}", e.toString());
        }
    }
}
