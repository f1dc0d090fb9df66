package com.callportrait.portrait.retrain;

import com.callportrait.profile.redis.RedisConnector;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * What the instances of one call centre share about their models, in Redis:
 * <ul>
 * <li>{@value #CURRENT}: the current model versions (JSON {@link Published}: model name to version,
 *     the registry directory they are in, when and by which instance), written by the instance that
 *     promoted them, and a message on channel {@value #CHANNEL} so the others pick them up at once
 *     (they also read the key on every check, so a missed message costs one check interval);</li>
 * <li>{@value #LABELLED}: new labelled records since the last training, counted by every instance
 *     ({@code INCRBY}) and decremented by the trainer by what its training consumed;</li>
 * <li>{@value #ATTEMPTED}: when the last training finished (epoch ms), promoted or not.</li>
 * </ul>
 * Thread-safe; {@link #close()} ends the subscription.
 */
public final class ModelChannel implements AutoCloseable {
    public static final String CURRENT = "cp:models:current";
    public static final String CHANNEL = "cp:models";
    public static final String LABELLED = "cp:models:labelled";
    public static final String ATTEMPTED = "cp:models:attempted";
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ModelChannel.class);
    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    /**
     * The published current versions.
     *
     * @param versions model name to registry version ({@link com.callportrait.portrait.engine.ModelBundle#versions()})
     * @param registry the registry directory holding them (a path every instance can read)
     * @param at       when they were promoted
     * @param instance the instance that trained and promoted them
     */
    public record Published(Map<String, Integer> versions, String registry, Instant at, String instance) {
        public Published {
            versions = Map.copyOf(versions);
        }
    }

    private final RedisConnector redis;
    private volatile StatefulRedisPubSubConnection<String, String> subscription;

    public ModelChannel(RedisConnector redis) {
        this.redis = redis;
    }

    /** Records {@code p} as current and tells every subscribed instance. */
    public void publish(Published p) {
        String json;
        try {
            json = JSON.writeValueAsString(p);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + p, e);
        }
        RedisReplies.await("a model channel command", redis.async().set(CURRENT, json));
        try {
            RedisReplies.await("a model channel command", redis.async().publish(CHANNEL, json));
        } catch (RuntimeException e) {
            // the key is what counts: the others read it on their next check
            log.warn("model versions stored in {} but not announced on {} ({}); other instances pick them up at"
                    + " their next check (the Redis user needs PUBLISH and SUBSCRIBE on {})", CURRENT, CHANNEL,
                    e.getMessage(), CHANNEL);
        }
    }

    /** The published current versions, if any instance ever published. */
    public Optional<Published> current() {
        String json = RedisReplies.await("a model channel command", redis.async().get(CURRENT));
        if (json == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(json, Published.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable " + CURRENT + ": " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Calls {@code wake} whenever an instance publishes. {@code wake} runs on Lettuce's I/O thread
     * (an event loop): it must only signal, never load a model.
     */
    public void subscribe(Runnable wake) {
        StatefulRedisPubSubConnection<String, String> c = redis.connectPubSub();
        c.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String channel, String message) {
                wake.run();
            }
        });
        RedisReplies.await("a model channel command", c.async().subscribe(CHANNEL));
        subscription = c;
    }

    /** Counts {@code n} new labelled records (asynchronous; a lost increment only delays a training). */
    public void labelled(long n) {
        redis.async().incrby(LABELLED, n);
    }

    /** New labelled records since the last training, over every instance. */
    public long labelledCount() {
        String v = RedisReplies.await("a model channel command", redis.async().get(LABELLED));
        return v == null ? 0 : Long.parseLong(v);
    }

    /** The trainer consumed {@code n} of the counted records (those counted meanwhile stay counted). */
    public void consumed(long n) {
        RedisReplies.await("a model channel command", redis.async().decrby(LABELLED, n));
    }

    /** Records that a training finished now. */
    public void attempted(Instant at) {
        RedisReplies.await("a model channel command", redis.async().set(ATTEMPTED, Long.toString(at.toEpochMilli())));
    }

    /** When the last training of any instance finished, if ever. */
    public Optional<Instant> lastAttempt() {
        String v = RedisReplies.await("a model channel command", redis.async().get(ATTEMPTED));
        return v == null ? Optional.empty() : Optional.of(Instant.ofEpochMilli(Long.parseLong(v)));
    }

    @Override
    public void close() {
        StatefulRedisPubSubConnection<String, String> c = subscription;
        if (c != null) {
            c.close();
        }
    }
}
