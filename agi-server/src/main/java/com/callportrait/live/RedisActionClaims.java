package com.callportrait.live;

import com.callportrait.live.calls.CallSnapshot;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Claims live actions in Redis: one key per call and rule, {@code cp:claim:{CALL}:RULE}, set only
 * if none of the claimed keys exists ({@code SET NX} semantics for all of them at once, in one
 * script) to this instance's id with an expiry. {@code CALL} is the caller channel's Uniqueid,
 * the same on every instance watching the PBX (the call id of a routed call is per instance);
 * the braces make it a Redis Cluster hash tag, so every key of one call sits in one slot and the
 * script may touch them together. The expiry ({@code CP_ACTION_CLAIM_TTL}) outlives any call, so
 * an instance restarted mid-call, which forgets what it did, still loses the claim and does not
 * act again. A claim that does not answer within {@code timeout} is {@link Outcome#UNAVAILABLE}.
 * Counted in {@code cp.live.claims} (tag {@code outcome}). Thread-safe; nothing blocks.
 */
public final class RedisActionClaims implements ActionClaims {
    private static final Logger log = LoggerFactory.getLogger(RedisActionClaims.class);
    /** Sets every key (to ARGV[1], expiring after ARGV[2] ms) if none exists; 1 when set, 0 when any existed. */
    static final String CLAIM = "for i, k in ipairs(KEYS) do if redis.call('exists', k) == 1 then return 0 end end "
            + "for i, k in ipairs(KEYS) do redis.call('set', k, ARGV[1], 'PX', ARGV[2]) end return 1";
    /** Deletes every key still holding ARGV[1] (only this instance's own claim is given back). */
    static final String RELEASE = "local n = 0 for i, k in ipairs(KEYS) do if redis.call('get', k) == ARGV[1] then "
            + "n = n + redis.call('del', k) end end return n";

    private final RedisClusterAsyncCommands<String, String> redis;
    private final String instance;
    private final Duration ttl;
    private final Duration timeout;
    private final Map<Outcome, Counter> outcomes = new EnumMap<>(Outcome.class);

    private RedisActionClaims(RedisClusterAsyncCommands<String, String> redis, String instance, Duration ttl,
                              Duration timeout, MeterRegistry registry) {
        this.redis = redis;
        this.instance = instance;
        this.ttl = ttl;
        this.timeout = timeout;
        for (Outcome o : Outcome.values()) {
            outcomes.put(o, Counter.builder("cp.live.claims").tag("outcome", o.name().toLowerCase(java.util.Locale.ROOT))
                    .description("live actions claimed across instances: won (sent here), lost (another instance"
                            + " sent it), unavailable (Redis did not answer)").register(registry));
        }
    }

    /**
     * @param instance this instance's id (in the claim's value: who acted)
     * @param ttl      how long a claim holds (longer than any call)
     * @param timeout  how long a claim may take before it counts as unavailable
     */
    public static RedisActionClaims create(RedisClusterAsyncCommands<String, String> redis, String instance,
                                           Duration ttl, Duration timeout, MeterRegistry registry) {
        return new RedisActionClaims(redis, instance, ttl, timeout, registry);
    }

    /** The Redis key of one claim. */
    public static String key(CallSnapshot call, String name) {
        return "cp:claim:{" + callKey(call) + "}:" + name;
    }

    /** What names a call on every instance: its Uniqueid, else its call id. */
    static String callKey(CallSnapshot call) {
        return call.uniqueId() == null || call.uniqueId().isEmpty() ? call.callId() : call.uniqueId();
    }

    @Override
    public CompletionStage<Outcome> claim(CallSnapshot call, List<String> names) {
        String[] keys = names.stream().map(n -> key(call, n)).toArray(String[]::new);
        try {
            return redis.<Long>eval(CLAIM, ScriptOutputType.INTEGER, keys, instance, Long.toString(ttl.toMillis()))
                    .toCompletableFuture().orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                    .handle((r, e) -> {
                        Outcome o;
                        if (e != null) {
                            log.warn("claiming {} for call {} failed: {}", names, call.callId(), e.toString());
                            o = Outcome.UNAVAILABLE;
                        } else {
                            o = r != null && r == 1L ? Outcome.WON : Outcome.LOST;
                        }
                        outcomes.get(o).increment();
                        return o;
                    });
        } catch (RuntimeException e) {
            outcomes.get(Outcome.UNAVAILABLE).increment();
            return java.util.concurrent.CompletableFuture.completedFuture(Outcome.UNAVAILABLE);
        }
    }

    @Override
    public void release(CallSnapshot call, List<String> names) {
        String[] keys = names.stream().map(n -> key(call, n)).toArray(String[]::new);
        try {
            redis.<Long>eval(RELEASE, ScriptOutputType.INTEGER, keys, instance).whenComplete((r, e) -> {
                if (e != null) {
                    log.warn("releasing the claim {} of call {} failed (it expires by itself): {}", names,
                            call.callId(), e.toString());
                }
            });
        } catch (RuntimeException e) {
            log.warn("releasing the claim {} of call {} failed: {}", names, call.callId(), e.toString());
        }
    }
}
