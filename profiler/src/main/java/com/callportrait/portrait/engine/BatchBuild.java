package com.callportrait.portrait.engine;

import com.callportrait.portrait.PortraitException;

import com.callportrait.profile.CustomerProfile;
import com.callportrait.profile.ProfileStore;
import com.callportrait.portrait.clean.Cleaner;
import com.callportrait.portrait.clean.CleaningOptions;
import com.callportrait.portrait.clean.CleaningReport;
import com.callportrait.portrait.collect.Source;
import com.callportrait.portrait.features.CustomerHistory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * The batch build: every source through cleaning into the histories, models trained (or the given
 * ones reused), every portrait built and saved through the {@link ProfileStore} with a bounded
 * number of saves in flight. Thread-safe: the instance holds only its settings and each
 * {@link #run} makes its own state; a run blocks its caller and calls the {@link BuildListener}
 * from the pool it builds on too.
 */
public final class BatchBuild {
    /** Everything a build produced, for the live updater, the registry and the report. */
    public record Result(BuildSummary summary, HistoryStore histories, ModelBundle models,
                         ModelTraining.HeldOut heldOut, Map<String, CustomerProfile> sample) { }

    private static final int MAX_IN_FLIGHT = 1024;
    private static final int SAMPLE_PORTRAITS = 20_000;

    private final PortraitConfig config;
    private final ProfileStore store;
    private final int trainCustomers;
    private final int threads;

    public BatchBuild(PortraitConfig config, ProfileStore store, int trainCustomers, int threads) {
        if (threads < 1 || trainCustomers < 20) {
            throw new PortraitException("threads must be >= 1 and trainCustomers >= 20");
        }
        this.config = config;
        this.store = store;
        this.trainCustomers = trainCustomers;
        this.threads = threads;
    }

    /**
     * @param models   models to reuse, or {@code null} to train new ones
     * @param observer sees every accepted interaction with its meaning (report statistics), may be null
     */
    public Result run(List<Source> sources, Instant asOf, ModelBundle models, BuildListener listener,
                      Consumer<HistoryIngest.SemanticInteraction> observer) {
        return run(sources, asOf, models, listener, observer, new HistoryStore(config.history()));
    }

    /** As above, folding into the given histories (a source may read them, e.g. enrichment by customer id). */
    public Result run(List<Source> sources, Instant asOf, ModelBundle models, BuildListener listener,
                      Consumer<HistoryIngest.SemanticInteraction> observer, HistoryStore histories) {
        return run(sources, asOf, models, listener, observer, histories, null);
    }

    /**
     * As above; {@code gate} (may be null) decides which models build the portraits after training,
     * e.g. the registry's evaluation gate keeping the current models when the candidate is worse.
     */
    public Result run(List<Source> sources, Instant asOf, ModelBundle models, BuildListener listener,
                      Consumer<HistoryIngest.SemanticInteraction> observer, HistoryStore histories,
                      java.util.function.Function<ModelTraining.Result, ModelBundle> gate) {
        Map<String, Long> phases = new LinkedHashMap<>();
        CleaningReport report = new CleaningReport();
        HistoryIngest ingest = new HistoryIngest(config, histories, report, observer);
        Cleaner cleaner = new Cleaner(ingest, CleaningOptions.of(asOf, config::normalisePhone), report);
        Map<String, Long> records = new LinkedHashMap<>();
        long t0 = System.nanoTime();
        listener.phase("read", -1);
        ProgressSink progress = new ProgressSink(cleaner, listener);
        for (Source s : sources) {
            records.put(s.name(), s.readInto(progress));
        }
        phases.put("read", ms(t0));
        listener.phaseDone("read", phases.get("read"));

        boolean trained = models == null;
        Trained training = trainPhase(config, trainCustomers, () -> histories, asOf, models, gate, listener, phases);
        models = training.models();
        ModelTraining.HeldOut heldOut = training.heldOut();

        long t2 = System.nanoTime();
        List<CustomerHistory> all = new ArrayList<>(histories.all());
        all.sort(Comparator.comparing(CustomerHistory::customerId));
        listener.phase("portraits", all.size());
        Map<String, LongAdder> segments = new ConcurrentHashMap<>();
        Map<String, CustomerProfile> sample = new ConcurrentHashMap<>();
        AtomicLong done = new AtomicLong();
        LongAdder saved = new LongAdder();
        LongAdder failed = new LongAdder();
        Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
        PortraitBuilder builder = new PortraitBuilder(config);
        ModelBundle m = models;
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            pool.submit(() -> all.parallelStream().forEach(h -> {
                CustomerProfile p = builder.build(h, m, asOf);
                segments.computeIfAbsent(p.segment(), k -> new LongAdder()).increment();
                if (sample.size() < SAMPLE_PORTRAITS) {
                    sample.put(p.customerId(), p);
                }
                inFlight.acquireUninterruptibly();
                store.save(p).whenComplete((v, e) -> {
                    (e == null ? saved : failed).increment();
                    inFlight.release();
                });
                long d = done.incrementAndGet();
                if ((d & 1023) == 0) {
                    listener.progress(d);
                }
            })).get();
            if (!inFlight.tryAcquire(MAX_IN_FLIGHT, 60, TimeUnit.SECONDS)) {
                throw new PortraitException("profile store did not acknowledge saves within 60 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PortraitException("build interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new PortraitException("building portraits failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdown();
        }
        listener.progress(all.size());
        phases.put("portraits", ms(t2));
        listener.phaseDone("portraits", phases.get("portraits"));
        Map<String, Long> seg = new TreeMap<>();
        segments.forEach((k, v) -> seg.put(k, v.sum()));
        BuildSummary summary = new BuildSummary(all.size(), saved.sum(), failed.sum(), records, report.snapshot(), seg,
                models.risk().metrics(), models.segment().silhouettes(), phases, trained);
        return new Result(summary, histories, models, heldOut, sample);
    }

    /** The models a build's portraits use, and the held-out figures when the build trained them (else null). */
    record Trained(ModelBundle models, ModelTraining.HeldOut heldOut) { }

    /**
     * A build's "train" phase: with {@code models} given, keeps them and reports no phase; else trains
     * on the histories {@code sample} gives (read inside the timed phase), lets {@code gate} (may be
     * null) choose between the candidate and the current models, and times the phase into
     * {@code phases}.
     */
    static Trained trainPhase(PortraitConfig config, int trainCustomers, java.util.function.Supplier<HistoryStore> sample,
                              Instant asOf, ModelBundle models,
                              java.util.function.Function<ModelTraining.Result, ModelBundle> gate,
                              BuildListener listener, Map<String, Long> phases) {
        if (models != null) {
            return new Trained(models, null);
        }
        long t1 = System.nanoTime();
        listener.phase("train", -1);
        ModelTraining.Result r = new ModelTraining(config, trainCustomers).train(sample.get(), asOf);
        phases.put("train", ms(t1));
        listener.phaseDone("train", phases.get("train"));
        return new Trained(gate == null ? r.bundle() : gate.apply(r), r.heldOut());
    }

    static long ms(long since) {
        return (System.nanoTime() - since) / 1_000_000;
    }
}
