package com.callportrait.events;

import io.lettuce.core.XAddArgs;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.output.StatusOutput;
import io.lettuce.core.protocol.AsyncCommand;
import io.lettuce.core.protocol.Command;
import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.CommandType;
import io.lettuce.core.api.async.RedisStreamAsyncCommands;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Appends events with {@code XADD <stream> MAXLEN ~ <n> * field value ...}, pipelined per batch
 * on one Lettuce connection: on a single node the batch is written in one go (one task for the
 * Redis I/O thread, one socket write), on a cluster command by command. Thread-safe (Lettuce connections are).
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
        if (redis instanceof RedisAsyncCommands<String, String> standalone && batch.size() > 1) {
            // One write for the whole batch: Lettuce hands each single command to its I/O thread
            // as its own task and socket write; dispatching the batch costs one of each.
            List<AsyncCommand<String, String, String>> commands = new ArrayList<>(batch.size());
            for (CallEvent e : batch) {
                CommandArgs<String, String> a = new CommandArgs<>(StringCodec.UTF8).addKey(stream);
                args.build(a);
                a.add(e.body());
                AsyncCommand<String, String, String> c = new AsyncCommand<>(
                        new Command<>(CommandType.XADD, new StatusOutput<>(StringCodec.UTF8), a));
                commands.add(c);
                all.add(c);
            }
            try {
                standalone.getStatefulConnection().dispatch(commands);
            } catch (RuntimeException x) {
                commands.forEach(c -> c.completeExceptionally(x));
            }
        } else {
            for (CallEvent e : batch) {
                all.add(redis.xadd(stream, args, e.body()).toCompletableFuture());
            }
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
