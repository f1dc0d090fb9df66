package com.callportrait.bench.cli;

import com.callportrait.bench.outlook.ChurnBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code churn}: learned churn risk against baselines on held-out customers and time. One per run; not thread-safe. */
@Command(name = "churn", mixinStandardHelpOptions = true,
        description = "Churn risk (Tribuo logistic + Platt) on held-out customers and time: AUC, Brier, reliability"
                + " bins against the old rule tag and a two-feature logistic. Horizon: CP_PORTRAIT_CHURN_DAYS.")
public final class ChurnCommand extends BenchCommand {
    @Parameters(index = "0", arity = "0..1", defaultValue = "40000", paramLabel = "CUSTOMERS",
            description = "generated customers (default ${DEFAULT-VALUE})")
    int customers;

    @Parameters(index = "1", arity = "0..1", defaultValue = "42", paramLabel = "SEED",
            description = "generator seed (default ${DEFAULT-VALUE})")
    long seed;

    @Override
    public Integer call() {
        ChurnBenchmark.run(settings().portrait(), seed, customers);
        return 0;
    }
}
