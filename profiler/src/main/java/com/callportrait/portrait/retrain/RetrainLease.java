package com.callportrait.portrait.retrain;

import com.callportrait.profile.redis.LuaScript;
import com.callportrait.profile.redis.RedisConnector;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lease that lets one instance at a time train: {@code SET cp:models:lease <token> NX PX <ttl>},
 * renewed while training by a compare-and-{@code PEXPIRE} script and released by a
 * compare-and-{@code DEL} script, both of which act only while the key still holds this holder's
 * token (an expired lease taken over by another instance is never extended or deleted by the old
 * holder). When a crashed holder stops renewing, the key expires after {@code ttl} and another
 * instance takes over. Thread-safe; one {@link Held} per training.
 */
public final class RetrainLease {
    /** The lease key (one key, so it lives on one node of a cluster). */
    public static final String KEY = "cp:models:lease";
    private static final Logger log = LoggerFactory.getLogger(RetrainLease.class);
    private static final LuaScript RENEW = new LuaScript(
            "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) end return 0",
            ScriptOutputType.INTEGER);
    private static final LuaScript RELEASE = new LuaScript(
            "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end return 0",
            ScriptOutputType.INTEGER);

    private final RedisConnector redis;
    private final String owner;
    private final Duration ttl;

    /**
     * @param owner this instance's id (the first part of the token, so {@link #holder()} says who trains)
     * @param ttl   how long the lease lives without renewal
     */
    public RetrainLease(RedisConnector redis, String owner, Duration ttl) {
        this.redis = redis;
        this.owner = owner;
        this.ttl = ttl;
    }

    /** Takes the lease if nobody holds it; the holder renews it every third of the ttl until closed. */
    public Optional<Held> tryAcquire() {
        String token = owner + ":" + UUID.randomUUID();
        String ok = RedisReplies.await("the lease command", redis.async().set(KEY, token, SetArgs.Builder.nx().px(ttl.toMillis())));
        return "OK".equals(ok) ? Optional.of(new Held(token)) : Optional.empty();
    }

    /** The token of whoever holds the lease now ({@code <instance>:<uuid>}), if anyone. */
    public Optional<String> holder() {
        return Optional.ofNullable(RedisReplies.await("the lease command", redis.async().get(KEY)));
    }

    /**
     * A held lease: renewed in the background until {@link #close()} releases it. {@link #held()}
     * turns false for good when a renewal finds the key gone or someone else's (the holder must then
     * not publish what it trained). Thread-safe.
     */
    public final class Held implements AutoCloseable {
        private final String token;
        private final ScheduledExecutorService renewer;
        private final ScheduledFuture<?> renewal;
        private volatile boolean lost;

        private Held(String token) {
            this.token = token;
            this.renewer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "portrait-retrain-lease");
                t.setDaemon(true);
                return t;
            });
            long every = Math.max(1, ttl.toMillis() / 3);
            this.renewal = renewer.scheduleAtFixedRate(this::renew, every, every, TimeUnit.MILLISECONDS);
        }

        public String token() {
            return token;
        }

        /** False once a renewal found the lease expired or taken over. */
        public boolean held() {
            return !lost;
        }

        /** Extends the lease to a full ttl from now; false (and lost for good) when it is no longer ours. */
        public boolean renew() {
            if (lost) {
                return false;
            }
            try {
                Long r = RedisReplies.await("the lease command", RENEW.run(redis.async(), new String[] {KEY}, token, Long.toString(ttl.toMillis())));
                if (r == null || r == 0) {
                    lost = true;
                    log.warn("retraining lease {} expired or was taken over; this instance will not publish its models",
                            token);
                }
            } catch (RuntimeException e) {
                // Redis away for a moment: the lease may still be ours; the next renewal tells
                log.warn("retraining lease renewal failed: {}", e.toString());
            }
            return !lost;
        }

        /** Stops renewing and deletes the key if it is still ours. */
        @Override
        public void close() {
            renewal.cancel(false);
            renewer.shutdownNow();
            try {
                RedisReplies.await("the lease command", RELEASE.run(redis.async(), new String[] {KEY}, token));
            } catch (RuntimeException e) {
                log.warn("retraining lease release failed ({}); it expires in {}", e.toString(), ttl);
            }
        }
    }
}
