package com.callportrait.simulator.soak;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import java.util.List;
import java.util.Map;

/**
 * Follows the application's {@code cp:events} stream (XREAD BLOCK on its own connection, from the
 * moment it starts) and hands every final transcript ({@code type=transcript}, {@code final=1})
 * to a listener with the instant it was read: how a soak run measures transcript lag from the
 * outside. One daemon thread. Lifecycle: {@link #start}, {@link #close()}.
 */
final class TranscriptTail implements AutoCloseable {
    static final String STREAM = "cp:events";

    /** A final transcript as read from the stream. */
    @FunctionalInterface
    interface Listener {
        void onFinal(String callId, long endMs, long seenNanos);
    }

    private final StatefulRedisConnection<String, String> connection;
    private final Listener listener;
    private final Thread thread;
    private volatile boolean closed;

    private TranscriptTail(StatefulRedisConnection<String, String> connection, Listener listener) {
        this.connection = connection;
        this.listener = listener;
        this.thread = new Thread(this::follow, "soak-transcripts");
        this.thread.setDaemon(true);
    }

    static TranscriptTail start(RedisClient client, Listener listener) {
        TranscriptTail t = new TranscriptTail(client.connect(), listener);
        t.thread.start();
        return t;
    }

    private void follow() {
        // Entries are ids of the Redis server's clock in ms: from now on (same machine in a soak run).
        String last = System.currentTimeMillis() + "-0";
        while (!closed) {
            try {
                List<StreamMessage<String, String>> batch = connection.sync().xread(
                        XReadArgs.Builder.block(500).count(500), XReadArgs.StreamOffset.from(STREAM, last));
                long now = System.nanoTime();
                for (StreamMessage<String, String> m : batch) {
                    last = m.getId();
                    Map<String, String> f = m.getBody();
                    if ("transcript".equals(f.get("type")) && "1".equals(f.get("final")) && f.get("call") != null) {
                        listener.onFinal(f.get("call"), parse(f.get("end_ms")), now);
                    }
                }
            } catch (RedisException e) {
                if (closed) {
                    return;
                }
                pause(); // Redis busy or restarting: try again
            }
        }
    }

    private static long parse(String v) {
        try {
            return v == null ? 0 : Long.parseLong(v);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            thread.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        connection.close();
    }
}
