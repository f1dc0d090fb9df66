package com.callportrait.records;

import com.callportrait.common.config.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Settings of the portrait's freshness path, from the environment, validated at start-up.
 *
 * @param enabled    {@code CP_FRESH} ({@code on}/{@code off}, default on)
 * @param data       {@code CP_FRESH_DATA}: a directory in the {@code profile build --data} layout the
 *                   process loads its customer histories from at start, or empty
 * @param generate   {@code CP_FRESH_GENERATE}: when there is neither a data directory nor a current
 *                   model in the registry (a demo, or {@code profile build} never ran), how many
 *                   generated demo customers to train the models on at start (default 2,000; 0 =
 *                   none, and then nothing is updated until models exist)
 * @param partitions {@code CP_INTERACTION_PARTITIONS}: stream partitions (default 1; must match
 *                   {@code profile build --partitions})
 * @param consumer   {@code CP_FRESH_CONSUMER}: this process's consumer name in group
 *                   {@value #GROUP} (default {@code live}); keep it stable so a restart re-reads its
 *                   unacknowledged entries
 */
public record FreshOptions(boolean enabled, Optional<Path> data, int generate, int partitions, String consumer) {
    /** The consumer group of the live path (the batch build uses its own, {@code portrait-build}). */
    public static final String GROUP = "portrait-live";

    public FreshOptions {
        if (generate < 0 || partitions < 1 || partitions > 1024 || consumer == null || consumer.isBlank()) {
            throw new ConfigException("invalid freshness options: generate=" + generate + " partitions=" + partitions
                    + " consumer=" + consumer);
        }
        data.ifPresent(d -> {
            if (!Files.isDirectory(d)) {
                throw new ConfigException("CP_FRESH_DATA is not a directory: " + d);
            }
        });
    }

    public static FreshOptions fromEnvironment() {
        return fromEnv(System.getenv());
    }

    public static FreshOptions fromEnv(Map<String, String> env) {
        String on = get(env, "CP_FRESH").orElse("on").toLowerCase(java.util.Locale.ROOT);
        if (!on.equals("on") && !on.equals("off")) {
            throw new ConfigException("CP_FRESH must be on or off, got '" + on + "'");
        }
        return new FreshOptions(on.equals("on"), get(env, "CP_FRESH_DATA").map(Path::of),
                number(env, "CP_FRESH_GENERATE", 2_000), number(env, "CP_INTERACTION_PARTITIONS", 1),
                get(env, "CP_FRESH_CONSUMER").orElse("live"));
    }

    /** Same settings with {@code n} generated customers (tests, demo). */
    public FreshOptions withGenerate(int n) {
        return new FreshOptions(enabled, data, n, partitions, consumer);
    }

    private static Optional<String> get(Map<String, String> env, String name) {
        String v = env.get(name);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
    }

    private static int number(Map<String, String> env, String name, int def) {
        Optional<String> v = get(env, name);
        try {
            return v.isEmpty() ? def : Integer.parseInt(v.get());
        } catch (NumberFormatException e) {
            throw new ConfigException(name + " must be a whole number, got '" + v.get() + "'");
        }
    }
}
