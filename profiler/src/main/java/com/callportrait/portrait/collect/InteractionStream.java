package com.callportrait.portrait.collect;

import com.callportrait.profile.redis.LuaScript;
import com.callportrait.profile.redis.RedisConnector;
import io.lettuce.core.Consumer;
import io.lettuce.core.Range;
import io.lettuce.core.RedisBusyException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XGroupCreateArgs;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.XTrimArgs;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import io.lettuce.core.models.stream.PendingMessages;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * Live interaction records, appended durably to Redis streams and read by the portrait build
 * through a consumer group. Records are spread over {@code partitions} streams
 * {@code cp:interactions:{p}} by a hash of the customer (id, else phone): the hash tag {@code {p}}
 * puts each partition in its own Cluster slot, and all records of one customer in one partition,
 * so a build worker that owns a partition owns whole customers. Entries are acknowledged only after
 * the sink has taken them; a worker restarted under the same consumer name first re-reads what it
 * had not acknowledged. Thread-safe for appends; one {@link #source} per worker thread.
 */
public final class InteractionStream {
    public static final String PREFIX = "cp:interactions:{";
    private static final int BATCH = 500;
    /**
     * Idempotent append: KEYS[1] the stream, KEYS[2] the record's "seen" key (same hash tag, so one
     * slot); ARGV[1] the seen key's TTL in seconds, ARGV[2..] the entry's fields and values. The
     * record is added only if its id was not seen; the seen key keeps the entry id. Nothing is
     * written when XADD fails, and once it succeeded SET cannot be refused (a script that has
     * written runs to its end even past maxmemory), so no record is ever marked seen without
     * being stored, or stored without being marked.
     */
    private static final LuaScript APPEND_ONCE = new LuaScript("""
            local seen = redis.call('GET', KEYS[2])
            if seen then return {0, seen} end
            local id = redis.call('XADD', KEYS[1], '*', unpack(ARGV, 2))
            redis.call('SET', KEYS[2], id, 'EX', ARGV[1])
            return {1, id}
            """, ScriptOutputType.MULTI);

    /**
     * What an idempotent append did.
     *
     * @param entryId   the stream entry holding the record (the earlier one for a duplicate)
     * @param duplicate true when the record id had been appended before and nothing was written
     */
    public record Appended(String entryId, boolean duplicate) {
    }
    private final RedisConnector redis;
    private final int partitions;

    public InteractionStream(RedisConnector redis, int partitions) {
        if (partitions < 1 || partitions > 1024) {
            throw new CollectException("partitions must be 1-1024, was " + partitions);
        }
        this.redis = redis;
        this.partitions = partitions;
    }

    public static String key(int partition) {
        return PREFIX + partition + "}";
    }

    public int partitionOf(InteractionRecord r) {
        return partitionOf(r.customerId(), r.phone());
    }

    /** The partition of a customer: by its id, else by its phone (so a customer's records stay together). */
    private int partitionOf(String customerId, String phone) {
        String k = customerId != null ? customerId : String.valueOf(phone);
        return Math.floorMod(k.hashCode(), partitions);
    }

    /** Appends one record (XADD); returns the stream entry id. */
    public String append(InteractionRecord r) {
        return redis.sync().xadd(key(partitionOf(r)), Map.of("json", InteractionJson.encode(r)));
    }

    /**
     * Appends feedback for a contact (XADD with {@code kind=feedback}) to the partition of its
     * customer, so it is read after the contact's own record when both carry the same customer key.
     */
    public String appendFeedback(FeedbackRecord r) {
        return redis.sync().xadd(key(partitionOf(r.customerId(), r.phone())),
                Map.of("kind", "feedback", "json", InteractionJson.encodeFeedback(r)));
    }

    /**
     * The key remembering that record {@code recordId} was appended to {@code partition}:
     * {@code cp:interactions:{p}:seen:<recordId>} (string: the entry id; expires after the TTL given
     * to the append). It shares the stream's hash tag, so the idempotent append is one script on
     * one Cluster slot.
     */
    public static String seenKey(int partition, String recordId) {
        return key(partition) + ":seen:" + recordId;
    }

    /**
     * Appends record {@code r} exactly once under its stable id {@code recordId} (the call id):
     * one Lua script checks the seen key, XADDs (fields {@code json}, {@code rid}) and sets the
     * seen key with {@code ttl}, so a retry after a timeout, or a replay of a spooled record, never
     * stores it twice while the seen key lives. Asynchronous; never blocks.
     */
    public CompletionStage<Appended> appendOnce(String recordId, InteractionRecord r, Duration ttl) {
        return appendOnce(partitionOf(r), recordId, ttl, "json", InteractionJson.encode(r));
    }

    /** As {@link #appendOnce(String, InteractionRecord, Duration)} for feedback ({@code kind=feedback}). */
    public CompletionStage<Appended> appendFeedbackOnce(String recordId, FeedbackRecord r, Duration ttl) {
        return appendOnce(partitionOf(r.customerId(), r.phone()), recordId, ttl, "kind", "feedback",
                "json", InteractionJson.encodeFeedback(r));
    }

    private CompletionStage<Appended> appendOnce(int partition, String recordId, Duration ttl, String... fields) {
        if (recordId == null || recordId.isBlank()) {
            throw new CollectException("a record id is required for an idempotent append");
        }
        String[] args = new String[fields.length + 3];
        args[0] = Long.toString(Math.max(1, ttl.toSeconds()));
        System.arraycopy(fields, 0, args, 1, fields.length);
        args[args.length - 2] = "rid";
        args[args.length - 1] = recordId;
        CompletionStage<List<Object>> run = APPEND_ONCE.run(redis.async(),
                new String[] {key(partition), seenKey(partition, recordId)}, args);
        return run.thenApply(l -> new Appended(String.valueOf(l.get(1)), ((Number) l.get(0)).longValue() == 0));
    }

    /** The partition count this stream was opened with. */
    public int partitions() {
        return partitions;
    }

    /**
     * A source reading the partitions owned by worker {@code worker} of {@code workers}
     * ({@code p % workers == worker}) as consumer {@code consumer} of {@code group}.
     */
    public Source source(String group, String consumer, int worker, int workers) {
        List<String> keys = new ArrayList<>();
        for (int p = 0; p < partitions; p++) {
            if (p % workers == worker) {
                keys.add(key(p));
            }
        }
        return new Source() {
            @Override
            public String name() {
                return "stream:" + group + "/" + consumer + keys;
            }

            @Override
            public long readInto(RecordSink sink) {
                long n = 0;
                for (String key : keys) {
                    ensureGroup(key, group);
                    n += drain(key, group, consumer, "0", sink); // own un-acknowledged entries first
                    n += drain(key, group, consumer, ">", sink);
                }
                return n;
            }
        };
    }

    /**
     * A source reading every partition's entries appended at or after {@code from} (by the time in
     * the entry id), oldest first, outside any consumer group: nothing is claimed or acknowledged,
     * so the consumers are not disturbed (the insight refresh reads the live records this way).
     * Pages of {@value #BATCH} entries on {@code commands}, so a background reader can keep its bulk
     * reads off the connections routing uses.
     */
    public Source since(Instant from, RedisClusterCommands<String, String> commands) {
        return new Source() {
            @Override
            public String name() {
                return "stream:" + PREFIX + "*} since " + from;
            }

            @Override
            public long readInto(RecordSink sink) {
                long n = 0;
                for (int p = 0; p < partitions; p++) {
                    n += range(commands, key(p), Long.toString(Math.max(0, from.toEpochMilli())), sink);
                }
                return n;
            }
        };
    }

    private static long range(RedisClusterCommands<String, String> commands, String key, String from, RecordSink sink) {
        long n = 0;
        Range.Boundary<String> lower = Range.Boundary.including(from);
        while (true) {
            List<StreamMessage<String, String>> page = commands.xrange(key,
                    Range.from(lower, Range.Boundary.unbounded()), io.lettuce.core.Limit.from(BATCH));
            for (StreamMessage<String, String> m : page) {
                n += deliver(key, m, sink);
            }
            if (page.size() < BATCH) {
                return n;
            }
            lower = Range.Boundary.excluding(page.get(page.size() - 1).getId());
        }
    }

    /**
     * Removes the entries appended before {@code before} from every partition, keeping every entry
     * that consumer group {@code keepFor} has not read yet or read but not acknowledged: each
     * partition is cut at the oldest of {@code before}, the group's last delivered entry and its
     * oldest pending entry. A partition the group has never read (no group yet) is left whole.
     * Exact ({@code XTRIM MINID}): called every hour or so, each call removes about an hour of
     * records, which is cheap, and the bound holds to the entry.
     *
     * @return the entries removed
     */
    public long trim(Instant before, String keepFor) {
        long removed = 0;
        for (int p = 0; p < partitions; p++) {
            String key = key(p);
            Optional<StreamId> cut = protectedCut(key, keepFor, StreamId.of(before.toEpochMilli(), 0));
            if (cut.isPresent()) {
                removed += redis.sync().xtrim(key, XTrimArgs.Builder.minId(cut.get().toString()));
            }
        }
        return removed;
    }

    /** The first entry id to keep in {@code key}, or empty when nothing may go. */
    private Optional<StreamId> protectedCut(String key, String group, StreamId wanted) {
        if (redis.sync().exists(key) == 0) {
            return Optional.empty();
        }
        Optional<StreamId> delivered = lastDelivered(key, group);
        if (delivered.isEmpty()) {
            return Optional.empty(); // the group will read this partition from its start
        }
        // entries up to and including the last delivered one were read: the one after it stays
        StreamId cut = StreamId.min(wanted, delivered.get().next());
        PendingMessages pending = redis.sync().xpending(key, group);
        if (pending.getCount() > 0 && pending.getMessageIds().getLower().getValue() != null) {
            cut = StreamId.min(cut, StreamId.parse(pending.getMessageIds().getLower().getValue()));
        }
        return Optional.of(cut);
    }

    private Optional<StreamId> lastDelivered(String key, String group) {
        for (Object g : redis.sync().xinfoGroups(key)) {
            List<?> fields = (List<?>) g;
            Map<String, String> info = new java.util.HashMap<>();
            for (int i = 0; i + 1 < fields.size(); i += 2) {
                info.put(String.valueOf(fields.get(i)), String.valueOf(fields.get(i + 1)));
            }
            if (group.equals(info.get("name"))) {
                return Optional.of(StreamId.parse(info.get("last-delivered-id")));
            }
        }
        return Optional.empty();
    }

    /** A stream entry id, {@code <ms>-<seq>}, ordered as Redis orders them. */
    record StreamId(long millis, long seq) implements Comparable<StreamId> {
        static StreamId of(long millis, long seq) {
            return new StreamId(millis, seq);
        }

        static StreamId parse(String id) {
            int dash = id.indexOf('-');
            return dash < 0 ? new StreamId(Long.parseLong(id), 0)
                    : new StreamId(Long.parseLong(id.substring(0, dash)), Long.parseLong(id.substring(dash + 1)));
        }

        static StreamId min(StreamId a, StreamId b) {
            return a.compareTo(b) <= 0 ? a : b;
        }

        StreamId next() {
            return seq == Long.MAX_VALUE ? new StreamId(millis + 1, 0) : new StreamId(millis, seq + 1);
        }

        @Override
        public int compareTo(StreamId o) {
            int c = Long.compareUnsigned(millis, o.millis);
            return c != 0 ? c : Long.compareUnsigned(seq, o.seq);
        }

        @Override
        public String toString() {
            return Long.toUnsignedString(millis) + "-" + Long.toUnsignedString(seq);
        }
    }

    private void ensureGroup(String key, String group) {
        try {
            redis.sync().xgroupCreate(XReadArgs.StreamOffset.from(key, "0"), group, XGroupCreateArgs.Builder.mkstream());
        } catch (RedisBusyException e) {
            // BUSYGROUP: the group exists already, which is the normal case after the first worker
        }
    }

    private long drain(String key, String group, String consumer, String from, RecordSink sink) {
        long n = 0;
        while (true) {
            List<StreamMessage<String, String>> batch = redis.sync().xreadgroup(Consumer.from(group, consumer),
                    XReadArgs.Builder.count(BATCH), XReadArgs.StreamOffset.from(key, from));
            if (batch == null || batch.isEmpty()) {
                return n;
            }
            List<String> ids = new ArrayList<>(batch.size());
            for (StreamMessage<String, String> m : batch) {
                n += deliver(key, m, sink);
                ids.add(m.getId());
            }
            redis.sync().xack(key, group, ids.toArray(String[]::new));
            if (!from.equals(">") && batch.size() < BATCH) {
                return n; // the pending list is read once; new entries come with ">"
            }
        }
    }

    /**
     * Passes one entry to {@code sink} (its position, then the feedback or interaction record it
     * holds); an entry that does not decode is reported as rejected. Returns 1 when a record was
     * passed on, else 0.
     */
    private static int deliver(String key, StreamMessage<String, String> m, RecordSink sink) {
        String json = m.getBody().get("json");
        try {
            sink.streamEntry(key, m.getId(), m.getBody().get("rid"));
            if ("feedback".equals(m.getBody().get("kind"))) {
                sink.feedback(InteractionJson.decodeFeedback(json));
            } else {
                sink.interaction(InteractionJson.decode(json));
            }
            return 1;
        } catch (IllegalArgumentException e) {
            sink.rejected(key, 0, "entry " + m.getId() + ": " + e.getMessage());
            return 0;
        }
    }
}
