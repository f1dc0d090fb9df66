package com.callportrait.cli;

import com.callportrait.common.config.Env;
import com.callportrait.profile.ProfileStore;
import com.callportrait.portrait.collect.DataDirectory;
import com.callportrait.portrait.collect.HttpEnrichmentSource;
import com.callportrait.portrait.collect.InteractionStream;
import com.callportrait.portrait.collect.Source;
import com.callportrait.portrait.engine.BatchBuild;
import com.callportrait.portrait.engine.BuildListener;
import com.callportrait.portrait.engine.ConsoleProgress;
import com.callportrait.portrait.engine.HistoryIngest;
import com.callportrait.portrait.engine.HistoryStore;
import com.callportrait.portrait.engine.PortraitSink;
import com.callportrait.portrait.history.RedisHistories;
import com.callportrait.portrait.engine.ModelMaintainer;
import com.callportrait.portrait.engine.ModelRegistry;
import com.callportrait.portrait.engine.PortraitConfig;
import com.callportrait.portrait.engine.RetrainPolicy;
import com.callportrait.portrait.engine.StoreSink;
import com.callportrait.portrait.engine.StreamingBuild;
import com.callportrait.portrait.gen.DatasetWriter;
import com.callportrait.portrait.gen.GeneratorOptions;
import com.callportrait.portrait.gen.SyntheticGenerator;
import com.callportrait.portrait.gen.SyntheticSource;
import com.callportrait.profile.memory.InMemoryProfileStore;
import com.callportrait.server.RedisBackend;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code profile build}: every source through cleaning, models trained behind the evaluation gate,
 * every portrait saved to Redis, with a progress bar and a summary. One instance per command-line
 * run, used on the main thread; not thread-safe (its progress bar is: the build reports from its
 * own threads).
 */
@Command(name = "build", mixinStandardHelpOptions = true,
        description = "Builds every portrait from all sources (CRM files, Asterisk CDR/queue_log, the live "
                + "interaction stream, enrichment) or from generated demo data, and saves them to Redis.")
public class ProfileBuildCommand extends AppCommand {
    @Option(names = "--data", paramLabel = "DIR", description = "directory with customers.csv, bills.csv, "
            + "complaints.csv, tickets.csv, enrichment.jsonl, interactions.jsonl, queue_log, Master.csv (any subset;"
            + " .jsonl or .csv for CRM files)")
    Path data;

    @Option(names = "--generate", paramLabel = "N", description = "build from N generated customers (default 2000 "
            + "when no --data and no --stream)")
    Integer generate;

    @Option(names = "--interactions", paramLabel = "M", description = "about M generated contacts in total (default 10 per customer)")
    Long interactions;

    @Option(names = "--seed", defaultValue = "42", description = "generator seed (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--export", paramLabel = "DIR", description = "write the generated data set as import files to DIR and stop")
    Path export;

    @Option(names = "--stream", description = "also read the live interaction stream cp:interactions:{p}")
    boolean stream;

    @Option(names = "--partitions", defaultValue = "1", description = "stream partitions (default ${DEFAULT-VALUE})")
    int partitions;

    @Option(names = "--worker", defaultValue = "0", description = "this worker's index (default ${DEFAULT-VALUE})")
    int worker;

    @Option(names = "--workers", defaultValue = "1", description = "workers sharing the stream (default ${DEFAULT-VALUE})")
    int workers;

    @Option(names = "--as-of", paramLabel = "INSTANT", description = "build as of this instant (default: now; "
            + "generated data: " + "2026-11-01T00:00:00Z)")
    Instant asOf;

    @Option(names = "--models", paramLabel = "DIR", description = "model registry (default <CP_DATA_DIR>/models)")
    Path models;

    @Option(names = "--train-sample", defaultValue = "40000", description = "customers used for training (default ${DEFAULT-VALUE})")
    int trainSample;

    @Option(names = "--threads", defaultValue = "2", description = "portrait threads (default ${DEFAULT-VALUE})")
    int threads;

    @Option(names = "--no-save", description = "do not write portraits to Redis (dry run)")
    boolean noSave;

    @Option(names = "--no-histories", description = "write the portraits but not the customer histories behind them"
            + " (the live path then seeds a history from a customer's stored portrait)")
    boolean noHistories;

    @Option(names = "--no-progress", description = "no progress bar")
    boolean noProgress;

    @Option(names = "--spill-dir", paramLabel = "DIR", description = "where the build spills records by customer "
            + "(default: the temporary directory; about 300 bytes a contact, removed at the end)")
    Path spillDir;

    @Option(names = "--spill-partitions", defaultValue = "" + StreamingBuild.DEFAULT_PARTITIONS,
            description = "customer partitions of the spill (default ${DEFAULT-VALUE})")
    int spillPartitions;

    /** --as-of, else the end of generated data when building from the generator, else now. */
    protected Instant effectiveAsOf() {
        if (asOf != null) {
            return asOf;
        }
        return generate != null || (data == null && !stream) ? GeneratorOptions.DEFAULT_END : Instant.now();
    }

    /**
     * Sources, build, registry; returns the result for subclasses (the report).
     *
     * @param stats    sees every accepted interaction with its meaning, may be null
     * @param finished sees every batch of finished customers (from several threads), may be null
     */
    protected BatchBuild.Result runBuild(boolean save,
                                         java.util.function.Consumer<HistoryIngest.SemanticInteraction> stats,
                                         java.util.function.Consumer<List<PortraitSink.Finished>> finished)
            throws Exception {
        PortraitConfig config = settings().portrait();
        HistoryStore histories = new HistoryStore(config.history());
        List<Source> sources = new ArrayList<>();
        RedisBackend redis = null;
        try {
            if (data != null) {
                sources.addAll(DataDirectory.sources(data, config.zone()));
            }
            if (generate != null || (data == null && !stream)) {
                GeneratorOptions g = GeneratorOptions.of(seed, generate == null ? 2000 : generate,
                        interactions == null ? (generate == null ? 2000 : generate) * 10L : interactions);
                sources.add(new SyntheticSource(g));
            }
            if (save || stream) {
                redis = RedisBackend.open(options(), RedisBackend.Embedded.REUSE_OR_START);
            }
            if (stream) {
                sources.add(new InteractionStream(redis.connector(), partitions).source("portrait-build",
                        "worker-" + worker, worker, workers));
            }
            ProfileStore store = save ? redis.store() : InMemoryProfileStore.create();
            // streamed: memory is bounded by the spill partitions and the training sample, not the customer count
            PortraitSink sink = new StoreSink(store);
            if (finished != null) {
                sink = sink.alongside(finished);
            }
            AtomicLong historiesWritten = new AtomicLong();
            if (save && !noHistories) {
                // the histories behind the portraits, written with them, for the live path of every
                // instance (merged: what live records added there stays)
                RedisHistories shared = RedisHistories.of(redis.connector(), config.history());
                sink = sink.alongside(batch -> {
                    shared.mergeAll(batch.stream().map(PortraitSink.Finished::history).toList());
                    historiesWritten.addAndGet(batch.size());
                });
            }
            StreamingBuild build = new StreamingBuild(config, sink, trainSample, threads,
                    spillPartitions, spillDir);
            settings().enrichment()
                    .ifPresent(e -> sources.add(new HttpEnrichmentSource(e, build::customerIds)));
            Instant at = effectiveAsOf();
            ModelRegistry registry = new ModelRegistry(models != null ? models : options().dataDir().resolve("models"), 0.0);
            ModelMaintainer m = new ModelMaintainer(config, histories, registry, RetrainPolicy.DEFAULT, trainSample);
            m.restore(); // candidates are gated against the registry's current models
            ModelMaintainer.Outcome[] o = new ModelMaintainer.Outcome[1];
            BatchBuild.Result r;
            try (ConsoleProgress bar = ConsoleProgress.of(err(), Env.system().string("TERM").orElse(null))) {
                r = build.run(sources, at, null, noProgress ? BuildListener.NONE : bar, stats,
                        candidate -> (o[0] = m.offer(candidate, at)).current());
            }
            if (save && !noHistories) {
                out().printf("histories: %,d customers written to Redis (cp:hist:{id}) with their portraits%n",
                        historiesWritten.get());
            }
            out().print(r.summary().toText());
            out().printf("models: complaint_risk v%d %s, segment v%d %s; portraits built with complaint_risk v%d, "
                    + "segment v%d (registry %s)%n", o[0].risk().version(), o[0].risk().status(), o[0].segment().version(),
                    o[0].segment().status(), r.models().riskVersion(), r.models().segmentVersion(), registry.dir());
            out().print(OutlookText.render(r.models().outlook()));
            if (redis != null && (o[0].risk().accepted() || o[0].segment().accepted())) {
                // running servers pick the promoted versions up without a restart
                new com.callportrait.portrait.retrain.ModelChannel(redis.connector()).publish(
                        new com.callportrait.portrait.retrain.ModelChannel.Published(r.models().versions(),
                                registry.dir().toAbsolutePath().toString(), Instant.now(), "profile build"));
            }
            out().flush();
            return r;
        } finally {
            if (redis != null) {
                redis.close();
            }
        }
    }

    @Override
    public Integer call() throws Exception {
        if (export != null) {
            GeneratorOptions g = GeneratorOptions.of(seed, generate == null ? 2000 : generate,
                    interactions == null ? (generate == null ? 2000 : generate) * 10L : interactions).withDirtyShare(0.01);
            try (DatasetWriter w = new DatasetWriter(export, settings().portrait().zone())) {
                long n = new SyntheticGenerator(g).generate(w);
                out().printf("wrote %,d customers and %,d contacts to %s%n", g.customers(), n, export);
            }
            return 0;
        }
        runBuild(!noSave, null, null);
        return 0;
    }
}
