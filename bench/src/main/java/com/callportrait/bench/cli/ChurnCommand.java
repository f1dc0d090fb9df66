package com.callportrait.bench.cli;

import com.callportrait.bench.outlook.ChurnBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code churn}: learned churn risk against baselines on held-out customers and time. One per run; not thread-safe. */
@Command(name = "churn", mixinStandardHelpOptions = true,
        description = "Churn risk (Tribuo logistic + Platt) on held-out customers and time: AUC, Brier, reliability"
                + " bins against the old rule tag and a two-feature logistic. Horizon: CP_PORTRAIT_CHURN_DAYS.")
public final class ChurnCommand extends BenchCommand {
    @Mixin
    GeneratedCustomers data;

    @Override
    public Integer call() {
        ChurnBenchmark.run(settings().portrait(), data.seed, data.customers);
        return 0;
    }
}
