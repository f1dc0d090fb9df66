package com.callportrait.bench.cli;

import com.callportrait.bench.portrait.BatchBuildBenchmark;
import com.callportrait.portrait.engine.ConsoleProgress;
import com.callportrait.portrait.engine.StreamingBuild;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code portrait-batch}: the streaming batch build at scale, with a progress bar on stderr. One
 * instance per command-line run, used on the main thread; not thread-safe.
 */
@Command(name = "portrait-batch", mixinStandardHelpOptions = true,
        description = "Streaming batch build of generated customers and contacts into an embedded Redis (or memory):"
                + " wall time, CPU, peak heap, Redis memory left and the rate of every phase.")
public final class PortraitBatchCommand extends BenchCommand {
    @Parameters(index = "0", arity = "0..1", defaultValue = "1000000", paramLabel = "CUSTOMERS",
            description = "customers (default ${DEFAULT-VALUE})")
    int customers;

    @Parameters(index = "1", arity = "0..1", defaultValue = "10000000", paramLabel = "INTERACTIONS",
            description = "interactions (default ${DEFAULT-VALUE})")
    long interactions;

    @Parameters(index = "2", arity = "0..1", defaultValue = "redis", paramLabel = "STORE",
            description = "redis or memory (default ${DEFAULT-VALUE})")
    String store;

    @Option(names = "--threads", defaultValue = "2", description = "portrait threads (default ${DEFAULT-VALUE})")
    int threads;

    @Option(names = "--train-sample", defaultValue = "40000", description = "customers trained on (default ${DEFAULT-VALUE})")
    int trainSample;

    @Option(names = "--partitions", defaultValue = "" + StreamingBuild.DEFAULT_PARTITIONS,
            description = "spill partitions (default ${DEFAULT-VALUE})")
    int partitions;

    @Option(names = "--spill-dir", paramLabel = "DIR", description = "where the spill goes (default: the temporary directory)")
    Path spillDir;

    @Option(names = "--no-progress", description = "no progress bar")
    boolean noProgress;

    @Override
    public Integer call() throws Exception {
        try (ConsoleProgress bar = ConsoleProgress.of(spec.commandLine().getErr(), env().string("TERM").orElse(null))) {
            BatchBuildBenchmark.run(settings().portrait(), new BatchBuildBenchmark.Settings(customers, interactions,
                    store.equals("redis"), threads, trainSample, partitions, spillDir),
                    noProgress ? com.callportrait.portrait.engine.BuildListener.NONE : bar, out());
        }
        return 0;
    }
}
