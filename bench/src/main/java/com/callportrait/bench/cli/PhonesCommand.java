package com.callportrait.bench.cli;

import com.callportrait.bench.profile.PhoneNormaliseBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code phones}: what normalising a caller id with libphonenumber costs on the routing path. One
 * instance per command-line run, used on the main thread; not thread-safe.
 */
@Command(name = "phones", mixinStandardHelpOptions = true,
        description = "Times PhoneNumbers.normalise per caller-id presentation (one thread); prints Markdown.")
public final class PhonesCommand extends BenchCommand {
    @Option(names = "--region", defaultValue = "US", description = "CP_PHONE_REGION to normalise for (default ${DEFAULT-VALUE})")
    String region;

    @Option(names = "--ids", defaultValue = "20000", description = "caller ids per form (default ${DEFAULT-VALUE})")
    int ids;

    @Option(names = "--rounds", defaultValue = "15", description = "timed rounds (default ${DEFAULT-VALUE})")
    int rounds;

    @Option(names = "--seed", defaultValue = "20261202", description = "seed (default ${DEFAULT-VALUE})")
    long seed;

    @Override
    public Integer call() {
        PhoneNormaliseBenchmark.run(region, ids, rounds, seed, out());
        return 0;
    }
}
