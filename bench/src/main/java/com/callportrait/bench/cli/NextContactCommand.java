package com.callportrait.bench.cli;

import com.callportrait.bench.outlook.NextContactBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code next-contact}: contact within 7/30 days and its topic on held-out time. One per run; not thread-safe. */
@Command(name = "next-contact", mixinStandardHelpOptions = true,
        description = "Next contact within 7 and 30 days (AUC, Brier, reliability) and its topic (top-1 accuracy),"
                + " trained on the past, tested on the following weeks, against recent-contact-rate and last-topic"
                + " baselines.")
public final class NextContactCommand extends BenchCommand {
    @Mixin
    GeneratedCustomers data;

    @Override
    public Integer call() {
        NextContactBenchmark.run(settings().portrait(), data.seed, data.customers);
        return 0;
    }
}
