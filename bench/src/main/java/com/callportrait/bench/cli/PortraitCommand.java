package com.callportrait.bench.cli;

import com.callportrait.bench.portrait.PortraitBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code portrait}: batch build and live updates of the portrait engine. One instance per
 * command-line run, used on the main thread; not thread-safe.
 */
@Command(name = "portrait", mixinStandardHelpOptions = true,
        description = "Batch build of generated customers and contacts into an embedded Redis (or memory), peak heap,"
                + " live updates after single calls (p50/p99), and the complaint-risk AUC against its baseline.")
public final class PortraitCommand extends BenchCommand {
    @Parameters(index = "0", arity = "0..1", defaultValue = "100000", paramLabel = "CUSTOMERS",
            description = "customers (default ${DEFAULT-VALUE})")
    int customers;

    @Parameters(index = "1", arity = "0..1", defaultValue = "1000000", paramLabel = "INTERACTIONS",
            description = "interactions (default ${DEFAULT-VALUE})")
    long interactions;

    @Parameters(index = "2", arity = "0..1", defaultValue = "redis", paramLabel = "STORE",
            description = "redis or memory (default ${DEFAULT-VALUE})")
    String store;

    @Parameters(index = "3", arity = "0..1", defaultValue = "2000", paramLabel = "UPDATES",
            description = "live updates timed (default ${DEFAULT-VALUE})")
    int updates;

    @Override
    public Integer call() throws Exception {
        PortraitBenchmark.run(settings().portrait(), customers, interactions, store.equals("redis"), updates);
        return 0;
    }
}
