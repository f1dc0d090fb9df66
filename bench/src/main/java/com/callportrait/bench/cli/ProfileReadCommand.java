package com.callportrait.bench.cli;

import com.callportrait.bench.profile.ProfileReadBenchmark;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code profile-read}: the profile lookup on the routing path against a real Redis. One instance
 * per command-line run, used on the main thread; not thread-safe.
 */
@Command(name = "profile-read", mixinStandardHelpOptions = true,
        description = "findByPhone latency and throughput (script and two-step lookups, 1/16/64 in flight) against an"
                + " embedded redis-server holding N realistic portraits; prints a Markdown table and Redis commandstats.")
public final class ProfileReadCommand extends BenchCommand {
    @Option(names = "--profiles", defaultValue = "100000", description = "portraits loaded (default ${DEFAULT-VALUE})")
    int profiles;

    @Option(names = "--seconds", defaultValue = "10", description = "seconds per measured phase (default ${DEFAULT-VALUE})")
    int seconds;

    @Option(names = "--warmup", defaultValue = "3", description = "warm-up seconds (default ${DEFAULT-VALUE})")
    int warmup;

    @Option(names = "--rounds", defaultValue = "2", description = "rounds, alternating the order (default ${DEFAULT-VALUE})")
    int rounds;

    @Option(names = "--data", defaultValue = "target/bench-redis", description = "Redis data directory, emptied first (default ${DEFAULT-VALUE})")
    Path data;

    @Override
    public Integer call() throws Exception {
        ProfileReadBenchmark.run(profiles, seconds, warmup, rounds, data);
        return 0;
    }
}
