package com.callportrait.portrait.history;

import com.callportrait.portrait.engine.HistoryRepository;
import com.callportrait.portrait.engine.HistoryStore;
import com.callportrait.portrait.features.CustomerHistory;
import com.callportrait.portrait.features.HistoryBounds;
import com.callportrait.portrait.features.HistoryCodec;
import com.callportrait.profile.redis.BulkConnection;
import com.callportrait.profile.redis.RedisConnector;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.output.CommandOutput;
import io.lettuce.core.output.IntegerOutput;
import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.CommandType;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Predicate;

/**
 * Customer histories in Redis, one key per customer ({@link HistoryKeys#history}): 8 bytes of write
 * generation, then the {@link HistoryCodec} bytes. An update reads the key, applies the change to
 * the decoded history in this thread, and writes it back with a compare-and-set Lua script that
 * replaces the value only if its generation is still the one read; a writer that lost the race (a
 * second instance updating the same customer) reads again and re-applies its change, so neither
 * loses the other's facts. One key per update, so it works the same on a cluster.
 *
 * <p>Every call blocks its caller for at most a few round trips, each bounded by {@code timeout};
 * decoding and encoding run on the calling thread, never on Lettuce's event loops (they are the
 * call path's). A dead or slow Redis turns into a {@link HistoryStoreException} within the timeout:
 * the live path then leaves the record unacknowledged and retries it later. Thread-safe.
 */
public final class RedisHistories implements HistoryRepository {
    /** How often an update re-reads after losing a race before it gives up. */
    static final int MAX_ATTEMPTS = 64;
    private static final int BATCH = 256;
    private static final int BATCH_TRIES = 5;
    /**
     * Compare-and-set: KEYS[1] the history; ARGV[1] the generation read ("" for no key), ARGV[2] the
     * new value (its first 8 bytes are the next generation). GETRANGE of a missing key is "".
     */
    private static final String CAS = """
            if redis.call('GETRANGE', KEYS[1], 0, 7) ~= ARGV[1] then return 0 end
            redis.call('SET', KEYS[1], ARGV[2])
            return 1
            """;
    private static final String CAS_SHA = sha1(CAS);
    private static final byte[] NONE = new byte[0];

    private final RedisConnector redis;
    private final HistoryBounds bounds;
    private final Duration timeout;
    private final LongAdder conflicts = new LongAdder();
    private volatile java.util.function.Consumer<Thread> replies = t -> { };

    /**
     * @param bounds  the bounds every history is kept within
     * @param timeout how long one round trip may take (at least the connection's command timeout)
     */
    public RedisHistories(RedisConnector redis, HistoryBounds bounds, Duration timeout) {
        this.redis = Objects.requireNonNull(redis, "redis");
        this.bounds = Objects.requireNonNull(bounds, "bounds");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    /** With the connection's command timeout (plus a margin for the reply to reach this thread). */
    public static RedisHistories of(RedisConnector redis, HistoryBounds bounds) {
        return new RedisHistories(redis, bounds, redis.options().commandTimeout().plusMillis(100));
    }

    public HistoryBounds bounds() {
        return bounds;
    }

    /** Writes that lost a race with another writer of the same customer and were applied again. */
    public long conflicts() {
        return conflicts.sum();
    }

    @Override
    public Optional<String> customerOfPhone(String canonicalPhone) {
        if (canonicalPhone == null || canonicalPhone.isEmpty()) {
            return Optional.empty();
        }
        return Optional.ofNullable(await(async().get(HistoryKeys.phone(canonicalPhone)), "read the phone index"));
    }

    @Override
    public void indexPhone(String canonicalPhone, String customerId) {
        await(async().set(HistoryKeys.phone(canonicalPhone), customerId), "index a phone");
    }

    @Override
    public boolean exists(String customerId) {
        return await(async().exists(HistoryKeys.history(customerId)), "look up a history") > 0;
    }

    @Override
    public Optional<CustomerHistory> find(String customerId) {
        byte[] stored = await(get(HistoryKeys.history(customerId)), "read a history");
        return stored == null ? Optional.empty() : Optional.of(decode(customerId, stored));
    }

    /** The stored size of a customer's history in bytes (generation included), 0 when there is none. */
    public int storedBytes(String customerId) {
        byte[] stored = await(get(HistoryKeys.history(customerId)), "read a history");
        return stored == null ? 0 : stored.length;
    }

    @Override
    public Change update(String customerId, String recordId, Predicate<CustomerHistory> change) {
        String key = HistoryKeys.history(customerId);
        long rid = recordId == null ? 0 : HistoryRepository.recordHash(recordId);
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            byte[] stored = await(get(key), "read a history");
            CustomerHistory h = stored == null ? new CustomerHistory(customerId, bounds) : decode(customerId, stored);
            if (recordId != null && h.applied(rid)) {
                return new Change(h, false, true);
            }
            if (!change.test(h)) {
                return new Change(h, false, false);
            }
            if (recordId != null) {
                h.markApplied(rid);
            }
            if (await(cas(key, stored, HistoryCodec.encode(h)), "write a history") == 1) {
                return new Change(h, true, false);
            }
            conflicts.increment(); // another writer came first: apply the change to what it wrote
        }
        throw new HistoryStoreException("history of " + customerId + " still changing after " + MAX_ATTEMPTS
                + " attempts");
    }

    @Override
    public void merge(CustomerHistory history) {
        mergeAll(List.of(history), async());
    }

    /**
     * {@link #merge} for many histories, pipelined a batch at a time (the start-up load of a data
     * directory, a batch build): read a batch, merge in this thread, write the batch, repeat for the
     * writes that lost a race. Over the connector's {@link RedisConnector#bulkConnection() bulk
     * connection}: a load of many histories never queues in front of a routing lookup.
     */
    public void mergeAll(Collection<CustomerHistory> histories) {
        mergeAll(histories, redis.bulkConnection().async());
    }

    private void mergeAll(Collection<CustomerHistory> histories, RedisClusterAsyncCommands<String, String> on) {
        List<CustomerHistory> all = new ArrayList<>(histories);
        for (int from = 0; from < all.size(); from += BATCH) {
            List<CustomerHistory> batch = all.subList(from, Math.min(all.size(), from + BATCH));
            for (int attempt = 0; !batch.isEmpty(); attempt++) {
                if (attempt == MAX_ATTEMPTS) {
                    throw new HistoryStoreException(batch.size() + " histories still changing after " + MAX_ATTEMPTS
                            + " attempts");
                }
                batch = mergeBatchRetrying(batch, on);
            }
            List<CompletableFuture<String>> phones = new ArrayList<>();
            for (CustomerHistory h : all.subList(from, Math.min(all.size(), from + BATCH))) {
                if (h.phone() != null) {
                    phones.add(on.set(HistoryKeys.phone(h.phone()), h.customerId()).toCompletableFuture());
                }
            }
            phones.forEach(f -> await(f, "index a phone"));
        }
    }

    /**
     * A batch merge that survives a slow moment: a start-up load pipelines many commands at once,
     * and one late reply must not stop it. Merging is idempotent, so the batch is simply sent again
     * (up to {@value #BATCH_TRIES} times, 200 ms, 400 ms, ... apart).
     */
    private List<CustomerHistory> mergeBatchRetrying(List<CustomerHistory> batch,
                                                     RedisClusterAsyncCommands<String, String> on) {
        for (int attempt = 1; ; attempt++) {
            try {
                return mergeBatch(batch, on);
            } catch (HistoryStoreException e) {
                if (attempt == BATCH_TRIES || Thread.currentThread().isInterrupted()) {
                    throw e;
                }
                try {
                    Thread.sleep(100L << attempt);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /** One round of a batch merge; returns the histories whose write lost a race. */
    private List<CustomerHistory> mergeBatch(List<CustomerHistory> batch, RedisClusterAsyncCommands<String, String> on) {
        List<CompletableFuture<byte[]>> reads = new ArrayList<>(batch.size());
        for (CustomerHistory h : batch) {
            reads.add(get(on, HistoryKeys.history(h.customerId())).toCompletableFuture());
        }
        List<CompletableFuture<Long>> writes = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            CustomerHistory other = batch.get(i);
            byte[] stored = await(reads.get(i), "read a history");
            CustomerHistory h = stored == null ? new CustomerHistory(other.customerId(), bounds)
                    : decode(other.customerId(), stored);
            synchronized (other) {
                h.mergeFrom(other);
            }
            writes.add(cas(on, HistoryKeys.history(h.customerId()), stored, HistoryCodec.encode(h)).toCompletableFuture());
        }
        List<CustomerHistory> lost = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            if (await(writes.get(i), "write a history") != 1) {
                conflicts.increment();
                lost.add(batch.get(i));
            }
        }
        return lost;
    }

    /**
     * Every stored history, one at a time, in no particular order (SCAN over every node, then a
     * pipelined read of each batch of keys): for work over all customers, such as training, that
     * must not hold them all in memory. Histories changed meanwhile may be seen either way. The
     * reads go over the connector's {@link RedisConnector#bulkConnection() bulk connection}, never
     * over the connections routing lookups use; decoding and {@code each} run on the calling thread.
     */
    public void forEach(java.util.function.Consumer<CustomerHistory> each) {
        forEach(each, BATCH, () -> { });
    }

    /**
     * As {@link #forEach(java.util.function.Consumer)}, {@code batch} keys at a time, running
     * {@code afterBatch} after each (a pacer: background work reads in small, spaced batches).
     */
    public void forEach(java.util.function.Consumer<CustomerHistory> each, int batch, Runnable afterBatch) {
        BulkConnection bulk = redis.bulkConnection();
        io.lettuce.core.ScanArgs match = io.lettuce.core.ScanArgs.Builder.matches(HistoryKeys.HISTORY_PREFIX + "*")
                .limit(batch);
        io.lettuce.core.KeyScanCursor<String> cursor = bulk.sync().scan(match);
        List<CompletableFuture<byte[]>> reads = new ArrayList<>(batch);
        while (true) {
            List<String> keys = cursor.getKeys();
            reads.clear();
            for (String key : keys) {
                reads.add(get(bulk.async(), key).toCompletableFuture());
            }
            for (int i = 0; i < keys.size(); i++) {
                byte[] stored = await(reads.get(i), "read a history");
                if (stored != null) {
                    String key = keys.get(i);
                    each.accept(decode(key.substring(HistoryKeys.HISTORY_PREFIX.length(), key.length() - 1), stored));
                }
            }
            afterBatch.run();
            if (cursor.isFinished()) {
                return;
            }
            cursor = bulk.sync().scan(cursor, match);
        }
    }

    /**
     * A sample of at most {@code max} stored histories, the same for every instance reading the same
     * Redis: the customers whose id hashes lowest (a uniform sample, deterministic), read with
     * {@link #forEach} so at most {@code max} + one batch of histories are in memory. For training.
     */
    public HistoryStore sample(int max) {
        return sample(max, () -> { });
    }

    /**
     * As {@link #sample(int)}, reading 32 histories at a time over the bulk connection and running
     * {@code pace} after each batch (the training's pacer), so a training's read stays a trickle
     * beside the calls.
     */
    public HistoryStore sample(int max, Runnable pace) {
        if (max < 1) {
            throw new IllegalArgumentException("max must be >= 1, was " + max);
        }
        java.util.PriorityQueue<Object[]> highestFirst = new java.util.PriorityQueue<>(
                (a, b) -> Long.compareUnsigned((long) b[0], (long) a[0]));
        forEach(h -> {
            long key = idHash(h.customerId());
            if (highestFirst.size() < max) {
                highestFirst.add(new Object[] {key, h});
            } else if (Long.compareUnsigned(key, (long) highestFirst.peek()[0]) < 0) {
                highestFirst.poll();
                highestFirst.add(new Object[] {key, h});
            }
        }, SAMPLE_BATCH, pace);
        HistoryStore out = new HistoryStore(bounds);
        for (Object[] e : highestFirst) {
            out.adopt((CustomerHistory) e[1]); // decoded for this sample only: kept, not copied
        }
        return out;
    }

    private static final int SAMPLE_BATCH = 32;

    /** 64-bit FNV-1a of the id's UTF-8 bytes, mixed (a stable order for the sample). */
    private static long idHash(String id) {
        long h = 0xcbf29ce484222325L;
        for (byte b : id.getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xff)) * 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        return h ^ (h >>> 33);
    }

    private CustomerHistory decode(String customerId, byte[] stored) {
        if (stored.length < 9) {
            throw new HistoryStoreException("history of " + customerId + " is " + stored.length + " bytes, too short");
        }
        try {
            return HistoryCodec.decode(customerId, Arrays.copyOfRange(stored, 8, stored.length), bounds);
        } catch (IllegalArgumentException e) {
            throw new HistoryStoreException("history of " + customerId + " cannot be read: " + e.getMessage(), e);
        }
    }

    private RedisClusterAsyncCommands<String, String> async() {
        return redis.async();
    }

    /** GET with the value as raw bytes (the string codec would mangle them). */
    private CompletionStage<byte[]> get(String key) {
        return get(async(), key);
    }

    /** GET on the given commands (a routing or the bulk connection). */
    private CompletionStage<byte[]> get(RedisClusterAsyncCommands<String, String> on, String key) {
        return on.dispatch(CommandType.GET, new BytesOutput(replies), new CommandArgs<>(StringCodec.UTF8).addKey(key));
    }

    /**
     * Lets a test see the thread every GET reply of this instance is read on (the connection's I/O
     * thread), to check which connection carried it. Not for production use.
     */
    void observeReplies(java.util.function.Consumer<Thread> observer) {
        this.replies = Objects.requireNonNull(observer, "observer");
    }

    /** Writes {@code history} over {@code stored} if the key still holds {@code stored}'s generation; 1 when written. */
    private CompletionStage<Long> cas(String key, byte[] stored, byte[] history) {
        return cas(async(), key, stored, history);
    }

    /** As above, on the given commands (a routing or the bulk connection). */
    private CompletionStage<Long> cas(RedisClusterAsyncCommands<String, String> on, String key, byte[] stored,
                                      byte[] history) {
        byte[] expected = stored == null ? NONE : Arrays.copyOf(stored, 8);
        long next = stored == null ? 1 : ByteBuffer.wrap(stored, 0, 8).getLong() + 1;
        byte[] value = ByteBuffer.allocate(8 + history.length).putLong(next).put(history).array();
        CompletionStage<Long> sent = on.dispatch(CommandType.EVALSHA, new IntegerOutput<>(StringCodec.UTF8),
                new CommandArgs<>(StringCodec.UTF8).add(CAS_SHA).add(1).addKey(key).add(expected).add(value));
        return sent.handle((v, e) -> {
            if (e == null) {
                return CompletableFuture.completedFuture(v);
            }
            if (String.valueOf(e.getMessage()).contains("NOSCRIPT")) {
                // the script cache is empty after a Redis restart or failover: EVAL loads it again
                return on.dispatch(CommandType.EVAL, new IntegerOutput<>(StringCodec.UTF8),
                        new CommandArgs<>(StringCodec.UTF8).add(CAS).add(1).addKey(key).add(expected).add(value))
                        .toCompletableFuture();
            }
            return CompletableFuture.<Long>failedFuture(e);
        }).thenCompose(s -> s);
    }

    private <T> T await(CompletionStage<T> stage, String what) {
        try {
            return stage.toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HistoryStoreException("interrupted while waiting to " + what, e);
        } catch (TimeoutException e) {
            throw new HistoryStoreException("Redis did not answer within " + timeout.toMillis() + " ms to " + what, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new HistoryStoreException("cannot " + what + " in Redis: " + cause, cause);
        }
    }

    private static String sha1(String body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(body.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required by every JVM", e);
        }
    }

    /** A bulk reply kept as bytes; {@code null} for a missing key. */
    private static final class BytesOutput extends CommandOutput<String, String, byte[]> {
        private final java.util.function.Consumer<Thread> replies;

        BytesOutput(java.util.function.Consumer<Thread> replies) {
            super(StringCodec.UTF8, null);
            this.replies = replies;
        }

        @Override
        public void set(ByteBuffer bytes) {
            replies.accept(Thread.currentThread());
            if (bytes == null) {
                output = null;
                return;
            }
            byte[] b = new byte[bytes.remaining()];
            bytes.get(b);
            output = b;
        }
    }
}
