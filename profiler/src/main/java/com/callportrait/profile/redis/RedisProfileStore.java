package com.callportrait.profile.redis;

import com.callportrait.profile.CustomerProfile;
import com.callportrait.profile.PhoneNumbers;
import com.callportrait.profile.PhoneOptions;
import com.callportrait.profile.ProfileStore;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * The production {@link ProfileStore}: profiles as JSON in Redis under the {@link RedisKeys} schema.
 *
 * <p><b>Routing lookup.</b> On a single Redis node {@link #findByPhone} is one round trip: a Lua
 * script reads {@code cp:phone:<e164>}, then the profile it points to and whether the customer's
 * phone set holds the number, atomically. On Redis
 * Cluster the two keys live in different slots (a phone cannot carry its customer's hash tag, the
 * customer is what we look for), so the script is not allowed there and the lookup is two
 * round trips: {@code GET} the phone key, then {@code GET} the profile. Both ways, a profile that
 * no longer lists the phone is treated as not found, so a stale index entry never routes a caller
 * as someone else. BENCHMARKS.md measures both.
 *
 * <p><b>Saving.</b> On a single node one script replaces the profile, its phone set and its phone
 * index entries atomically, deleting entries for numbers the customer no longer has (only where
 * the entry still points to this customer: a number taken over by someone else is left alone). On
 * a cluster the profile and its phone set are replaced atomically by a script (they share the
 * customer's hash tag); then the new phone entries are written and the stale ones deleted, each a
 * single-key command. A reader may for a moment not yet find a new number, never a wrong customer.
 *
 * <p>Thread-safe; all methods return at once and complete on Lettuce's I/O threads (callers must
 * not block in dependent stages). Lifecycle: create with {@link #create} (shares a connector the
 * caller closes) or {@link #open} (owns its connector and closes it in {@link #close}).
 */
public final class RedisProfileStore implements ProfileStore {

    /** How {@link #findByPhone} reads. */
    public enum Lookup {
        /** One round trip via a Lua script; single node only. */
        SCRIPT,
        /** Two single-key {@code GET}s; works everywhere, including Redis Cluster. */
        TWO_STEP
    }

    /**
     * KEYS: phone key. ARGV: profile key prefix, phone set prefix, canonical number. Returns nothing
     * when either key is missing, else the profile JSON and 1 when the customer's phone set (saved
     * with the profile in the same script, {@link #SAVE_ALL}) holds the number, 0 when it does not.
     */
    private static final LuaScript LOOKUP = new LuaScript("""
            local id = redis.call('GET', KEYS[1])
            if not id then return {} end
            local json = redis.call('GET', ARGV[1] .. id .. '}')
            if not json then return {} end
            return {json, redis.call('SISMEMBER', ARGV[2] .. id .. '}', ARGV[3])}
            """, ScriptOutputType.MULTI);

    /** KEYS: profile, phone set. ARGV: id, json, phone key prefix, phones... */
    private static final LuaScript SAVE_ALL = new LuaScript("""
            local id = ARGV[1]
            redis.call('SET', KEYS[1], ARGV[2])
            local keep = {}
            for i = 4, #ARGV do keep[ARGV[i]] = true end
            for _, p in ipairs(redis.call('SMEMBERS', KEYS[2])) do
              if not keep[p] and redis.call('GET', ARGV[3] .. p) == id then
                redis.call('DEL', ARGV[3] .. p)
              end
            end
            redis.call('DEL', KEYS[2])
            for i = 4, #ARGV do
              redis.call('SET', ARGV[3] .. ARGV[i], id)
              redis.call('SADD', KEYS[2], ARGV[i])
            end
            return 1
            """, ScriptOutputType.INTEGER);

    /** Cluster: KEYS profile, phone set (one slot). ARGV: json, phones... Returns the phones dropped. */
    private static final LuaScript SAVE_PROFILE = new LuaScript("""
            redis.call('SET', KEYS[1], ARGV[1])
            local keep = {}
            for i = 2, #ARGV do keep[ARGV[i]] = true end
            local stale = {}
            for _, p in ipairs(redis.call('SMEMBERS', KEYS[2])) do
              if not keep[p] then table.insert(stale, p) end
            end
            redis.call('DEL', KEYS[2])
            for i = 2, #ARGV do redis.call('SADD', KEYS[2], ARGV[i]) end
            return stale
            """, ScriptOutputType.MULTI);

    /** KEYS: phone key. ARGV: customer id. Deletes the entry only if it still names that customer. */
    private static final LuaScript DELETE_IF_OWNER = new LuaScript("""
            if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
            return 0
            """, ScriptOutputType.INTEGER);

    private final RedisConnector connector;
    private final boolean ownsConnector;
    private final PhoneOptions phoneOptions;
    private final Lookup lookup;

    private RedisProfileStore(RedisConnector connector, boolean ownsConnector, PhoneOptions phoneOptions, Lookup lookup) {
        this.connector = Objects.requireNonNull(connector, "connector");
        this.ownsConnector = ownsConnector;
        this.phoneOptions = Objects.requireNonNull(phoneOptions, "phoneOptions");
        this.lookup = Objects.requireNonNull(lookup, "lookup");
        if (lookup == Lookup.SCRIPT && connector.isCluster()) {
            throw new IllegalArgumentException("the one-round-trip lookup script cannot run on Redis Cluster");
        }
    }

    /** A store on a shared connector (not closed by {@link #close()}), best lookup for its mode. */
    public static RedisProfileStore create(RedisConnector connector, PhoneOptions phoneOptions) {
        return create(connector, phoneOptions, connector.isCluster() ? Lookup.TWO_STEP : Lookup.SCRIPT);
    }

    /** A store on a shared connector with an explicit lookup strategy (benchmarks). */
    public static RedisProfileStore create(RedisConnector connector, PhoneOptions phoneOptions, Lookup lookup) {
        return new RedisProfileStore(connector, false, phoneOptions, lookup);
    }

    /** Connects with {@code options} and returns a store that owns (and closes) the connection. */
    public static RedisProfileStore open(RedisOptions options, PhoneOptions phoneOptions) {
        RedisConnector connector = RedisConnector.connect(options);
        return new RedisProfileStore(connector, true, phoneOptions, connector.isCluster() ? Lookup.TWO_STEP : Lookup.SCRIPT);
    }

    /** Redis round trips one {@link #findByPhone} of a known caller costs: 1 (script) or 2 (cluster). */
    public int roundTripsPerLookup() {
        return lookup == Lookup.SCRIPT ? 1 : 2;
    }

    @Override
    public CompletionStage<Optional<CustomerProfile>> findByPhone(String phone) {
        return guarded(() -> lookup(phone, null));
    }

    /**
     * Decodes the profile JSON on {@code completeOn}: the Lettuce I/O thread only completes the raw
     * string. With one multiplexed connection that thread serves every lookup, and JSON decoding
     * was most of its work (a JFR profile of {@code bench agi}: about 40% of its samples).
     */
    @Override
    public CompletionStage<Optional<CustomerProfile>> findByPhone(String phone, Executor completeOn) {
        Objects.requireNonNull(completeOn, "completeOn");
        return guarded(() -> lookup(phone, completeOn));
    }

    /**
     * {@inheritDoc} Skips the normalisation {@link #findByPhone(String, Executor)} does: with the
     * profile's own ownership check answered by Redis in the same script (see {@link #lookup}),
     * a routed call runs libphonenumber once instead of three times.
     */
    @Override
    public CompletionStage<Optional<CustomerProfile>> findByCanonicalPhone(String key, Executor completeOn) {
        Objects.requireNonNull(completeOn, "completeOn");
        return guarded(() -> lookupKey(key, completeOn));
    }

    private CompletionStage<Optional<CustomerProfile>> lookup(String phone, Executor completeOn) {
        Optional<String> canonical = PhoneNumbers.normalise(phone, phoneOptions);
        if (canonical.isEmpty()) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        return lookupKey(canonical.get(), completeOn);
    }

    /**
     * Reads the profile a canonical number points to. A profile that no longer lists the number
     * is not found. On a single node the script answers that from the customer's phone set, which
     * the saving script keeps in step with the profile; only when the set does not hold the
     * number (a stale index entry, or a profile written without the set) are the profile's phones
     * normalised here to decide, as on a cluster, where the set cannot be read in the same step.
     */
    private CompletionStage<Optional<CustomerProfile>> lookupKey(String number, Executor completeOn) {
        String phoneKey = RedisKeys.phone(number);
        RedisClusterAsyncCommands<String, String> redis = connector.async();
        CompletionStage<Stored> json;
        if (lookup == Lookup.SCRIPT) {
            CompletionStage<List<Object>> reply = LOOKUP.run(redis, new String[] {phoneKey}, RedisKeys.PROFILE_PREFIX,
                    RedisKeys.PHONES_PREFIX, number);
            json = reply.thenApply(Stored::of);
        } else {
            json = redis.get(phoneKey).thenCompose(id -> id == null
                    ? CompletableFuture.completedFuture(null)
                    : connector.async().get(RedisKeys.profile(id)).thenApply(v -> v == null ? null : new Stored(v, false)));
        }
        java.util.function.Function<Stored, Optional<CustomerProfile>> decode = value -> Optional.ofNullable(value)
                .map(v -> new Decoded(ProfileJson.decode(v.json(), phoneKey), v.indexed()))
                .filter(d -> d.indexed() || ownsNumber(d.profile(), number))
                .map(Decoded::profile);
        if (completeOn == null) {
            return json.thenApply(decode);
        }
        // whenCompleteAsync, not thenApplyAsync: the latter completes a failure on the I/O thread.
        CompletableFuture<Optional<CustomerProfile>> out = new CompletableFuture<>();
        json.whenCompleteAsync((value, e) -> {
            if (e != null) {
                out.completeExceptionally(e);
                return;
            }
            try {
                out.complete(decode.apply(value));
            } catch (RuntimeException x) {
                out.completeExceptionally(x);
            }
        }, completeOn);
        return out;
    }

    /** A stored profile's JSON, and whether the customer's phone set holds the number looked up. */
    private record Stored(String json, boolean indexed) {
        static Stored of(List<Object> reply) {
            return reply == null || reply.isEmpty() ? null
                    : new Stored((String) reply.get(0), reply.size() > 1 && Long.valueOf(1).equals(reply.get(1)));
        }
    }

    private record Decoded(CustomerProfile profile, boolean indexed) {
    }

    private boolean ownsNumber(CustomerProfile profile, String number) {
        for (String phone : profile.phones()) {
            if (PhoneNumbers.normalise(phone, phoneOptions).filter(number::equals).isPresent()) {
                return true;
            }
        }
        return false;
    }

    @Override
    public CompletionStage<Optional<CustomerProfile>> findById(String customerId) {
        return guarded(() -> {
            String key = RedisKeys.profile(customerId);
            return connector.async().get(key).thenApply(v -> Optional.ofNullable(v).map(json -> ProfileJson.decode(json, key)));
        });
    }

    @Override
    public CompletionStage<Void> save(CustomerProfile profile) {
        return guarded(() -> write(profile));
    }

    private CompletionStage<Void> write(CustomerProfile profile) {
        String id = profile.customerId();
        String json;
        try {
            json = ProfileJson.encode(profile);
            RedisKeys.requireId(id);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        Set<String> phones = new LinkedHashSet<>();
        for (String phone : profile.phones()) {
            PhoneNumbers.normalise(phone, phoneOptions).ifPresent(phones::add);
        }
        String[] keys = {RedisKeys.profile(id), RedisKeys.phones(id)};
        RedisClusterAsyncCommands<String, String> redis = connector.async();
        if (!connector.isCluster()) {
            List<String> args = new ArrayList<>(List.of(id, json, RedisKeys.PHONE_PREFIX));
            args.addAll(phones);
            return toVoid(SAVE_ALL.run(redis, keys, args.toArray(String[]::new)));
        }
        List<String> args = new ArrayList<>(List.of(json));
        args.addAll(phones);
        CompletionStage<List<String>> stale = SAVE_PROFILE.run(redis, keys, args.toArray(String[]::new));
        return stale.thenCompose(dropped -> {
            List<CompletableFuture<?>> writes = new ArrayList<>();
            for (String phone : phones) {
                writes.add(redis.set(RedisKeys.phone(phone), id).toCompletableFuture());
            }
            return CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).thenCompose(ignored -> {
                List<CompletableFuture<?>> deletes = new ArrayList<>();
                for (String phone : dropped) {
                    deletes.add(DELETE_IF_OWNER.run(redis, new String[] {RedisKeys.phone(phone)}, id).toCompletableFuture());
                }
                return CompletableFuture.allOf(deletes.toArray(CompletableFuture[]::new));
            });
        });
    }

    private static CompletionStage<Void> toVoid(CompletionStage<?> stage) {
        return stage.thenApply(ignored -> null);
    }

    @Override
    public CompletionStage<Duration> ping() {
        return guarded(() -> {
            long start = System.nanoTime();
            return connector.async().ping().thenApply(pong -> Duration.ofNanos(System.nanoTime() - start));
        });
    }

    /**
     * Lettuce throws at once (instead of failing the future) when the client is already shut down
     * or the request queue is full; callers were promised a stage, never a throw.
     */
    private static <T> CompletionStage<T> guarded(java.util.function.Supplier<CompletionStage<T>> call) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** The connector this store uses, e.g. to append to the event stream on the same connection. */
    public RedisConnector connector() {
        return connector;
    }

    @Override
    public void close() {
        if (ownsConnector) {
            connector.close();
        }
    }
}
