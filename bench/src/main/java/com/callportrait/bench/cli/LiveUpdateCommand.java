package com.callportrait.bench.cli;

import com.callportrait.bench.portrait.LiveUpdateBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code live-update}: live portrait updates with the customer histories in Redis. One instance per
 * command-line run, used on the main thread; not thread-safe.
 */
@Command(name = "live-update", mixinStandardHelpOptions = true,
        description = "Loads generated customer histories into an embedded Redis (time, memory per customer and"
                + " contact), then times single live updates end to end (p50/p99): the engine alone, and the record"
                + " path (idempotent append, consumer group, update, save, acknowledgement).")
public final class LiveUpdateCommand extends BenchCommand {
    @Parameters(index = "0", arity = "0..1", defaultValue = "20000", paramLabel = "CUSTOMERS",
            description = "customers (default ${DEFAULT-VALUE})")
    int customers;

    @Parameters(index = "1", arity = "0..1", defaultValue = "200000", paramLabel = "INTERACTIONS",
            description = "interactions (default ${DEFAULT-VALUE})")
    long interactions;

    @Parameters(index = "2", arity = "0..1", defaultValue = "2000", paramLabel = "UPDATES",
            description = "live updates timed in each way (default ${DEFAULT-VALUE})")
    int updates;

    @Override
    public Integer call() throws Exception {
        LiveUpdateBenchmark.run(settings().portrait(), customers, interactions, updates);
        return 0;
    }
}
