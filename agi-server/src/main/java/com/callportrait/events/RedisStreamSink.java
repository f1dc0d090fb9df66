package com.callportrait.events;

import io.lettuce.core.XAddArgs;
import io.lettuce.core.api.async.RedisStreamAsyncCommands;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Appends events with {@code XADD <stream> MAXLEN ~ <n> * field value ...}, pipelined per batch
 * on one Lettuce connection. Thread-safe (Lettuce connections are).
 */
public final class RedisStreamSink implements EventSink {
    /** The stream every live event goes to. */
    public static final String STREAM = "cp:events";

    private final RedisStreamAsyncCommands<String, String> redis;
    private final String stream;
    private final XAddArgs args;

    private RedisStreamSink(RedisStreamAsyncCommands<String, String> redis, String stream, long maxLen) {
        this.redis = redis;
        this.stream = stream;
        this.args = XAddArgs.Builder.maxlen(maxLen).approximateTrimming();
    }

    /** A sink for {@code cp:events} capped at about {@code maxLen} entries. */
    public static RedisStreamSink create(RedisStreamAsyncCommands<String, String> redis, long maxLen) {
        return new RedisStreamSink(redis, STREAM, maxLen);
    }

    /** A sink for another stream (tests). */
    public static RedisStreamSink create(RedisStreamAsyncCommands<String, String> redis, String stream, long maxLen) {
        return new RedisStreamSink(redis, stream, maxLen);
    }

    @Override
    public CompletionStage<List<CallEvent>> append(List<CallEvent> batch) {
        List<CompletableFuture<String>> all = new ArrayList<>(batch.size());
        for (CallEvent e : batch) {
            all.add(redis.xadd(stream, args, e.body()).toCompletableFuture());
        }
        return CompletableFuture.allOf(all.toArray(CompletableFuture<?>[]::new)).handle((ok, err) -> {
            List<CallEvent> failed = new ArrayList<>();
            for (int i = 0; i < batch.size(); i++) {
                if (all.get(i).isCompletedExceptionally()) {
                    failed.add(batch.get(i));
                }
            }
            return failed;
        });
    }
}
