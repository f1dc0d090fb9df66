package com.callportrait.bench.cli;

import com.callportrait.bench.insights.InsightsBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code insights}: held-out evaluation of agent groups, association rules, demand heat and the
 * hourly call forecast against their baselines. One instance per command-line run; not thread-safe.
 */
@Command(name = "insights", mixinStandardHelpOptions = true,
        description = "Agent groups (bootstrap adjusted Rand, held-out separation vs survey tertiles), association"
                + " rules (held-out lift vs base rate), demand heat (held-out rank correlation vs 4-week mean) and the"
                + " hourly call forecast (held-out MAE/MAPE vs naive last week) on generated data.")
public final class InsightsCommand extends BenchCommand {
    @Parameters(index = "0", arity = "0..1", defaultValue = "20000", paramLabel = "CUSTOMERS",
            description = "customers (default ${DEFAULT-VALUE})")
    int customers;

    @Parameters(index = "1", arity = "0..1", defaultValue = "400000", paramLabel = "INTERACTIONS",
            description = "interactions (default ${DEFAULT-VALUE})")
    long interactions;

    @Override
    public Integer call() {
        InsightsBenchmark.run(settings().portrait(), customers, interactions, out());
        return 0;
    }
}
