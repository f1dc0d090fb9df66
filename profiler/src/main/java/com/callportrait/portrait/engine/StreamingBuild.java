package com.callportrait.portrait.engine;

import com.callportrait.portrait.PortraitException;
import com.callportrait.portrait.clean.Cleaner;
import com.callportrait.portrait.clean.CleaningOptions;
import com.callportrait.portrait.clean.CleaningReport;
import com.callportrait.portrait.collect.InteractionRecord;
import com.callportrait.portrait.collect.RecordSink;
import com.callportrait.portrait.collect.Source;
import com.callportrait.portrait.features.CustomerHistory;
import com.callportrait.profile.CustomerProfile;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The batch build for a customer base of any size, in memory bounded by the partition size and the
 * training sample rather than by the number of customers:
 * <ol>
 *   <li><b>read</b>: every source is read once; each raw record is spilled, in arrival order, to the
 *       temporary file of its customer's partition (a range of a hash of the customer id), by a spill
 *       thread so that reading and writing use a core each;</li>
 *   <li><b>train</b> (unless models are given): the lowest partitions are folded into histories until
 *       they hold {@code trainCustomers} customers (a uniform sample, as the partitions are hash
 *       ranges) and the models are trained on them with {@link ModelTraining};</li>
 *   <li><b>portraits</b>: {@code threads} workers take one partition at a time: clean, semantics,
 *       features, score, hand the finished customers to the {@link PortraitSink} in batches, drop the
 *       partition.</li>
 * </ol>
 * Cleaning, attribution and history folding are those of {@link BatchBuild}, applied per customer
 * in the order the records arrived, so both builds give the same portraits for the same input
 * whenever the training sample is the whole base (duplicates are recognised within a customer's
 * records; a duplicate source id under two different customers is kept twice here).
 *
 * <p>The only state that grows with the customer count is the phone index that attributes contacts
 * without a customer id (a phone and an id per customer). The {@link BatchBuild.Result} of a
 * streaming build carries an empty {@link HistoryStore}: the histories went to the sink.
 *
 * <p>Single use: one {@link #run} per instance, which blocks its caller. {@link #customerIds()} may be
 * called from any thread during the read phase (an enrichment source asking by id).
 */
public final class StreamingBuild {
    /** Partitions of the spill: about 4,000 customers each at a million customers. */
    public static final int DEFAULT_PARTITIONS = 256;
    /** Customers handed to the sink at once. */
    public static final int DEFAULT_BATCH = 500;
    /** How long the sink may take to acknowledge the last writes. */
    public static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(120);
    private static final int SAMPLE_PORTRAITS = 20_000;

    private final PortraitConfig config;
    private final PortraitSink sink;
    private final int trainCustomers;
    private final int threads;
    private final int partitions;
    private final Path spillParent;
    private volatile Partitioner partitioner;

    /** Spills to the system temporary directory in {@link #DEFAULT_PARTITIONS} partitions. */
    public StreamingBuild(PortraitConfig config, PortraitSink sink, int trainCustomers, int threads) {
        this(config, sink, trainCustomers, threads, DEFAULT_PARTITIONS, null);
    }

    /**
     * @param partitions  spill partitions ({@code >= 1}); more partitions, less memory per worker
     * @param spillParent where the temporary spill directory is created, {@code null} for the system default
     */
    public StreamingBuild(PortraitConfig config, PortraitSink sink, int trainCustomers, int threads, int partitions,
                          Path spillParent) {
        if (threads < 1) {
            throw new PortraitException("threads must be >= 1, was " + threads);
        }
        if (trainCustomers < 20) {
            throw new PortraitException("trainCustomers must be >= 20, was " + trainCustomers);
        }
        if (partitions < 1 || partitions > 65_536) {
            throw new PortraitException("partitions must be in [1, 65536], was " + partitions);
        }
        this.config = config;
        this.sink = sink;
        this.trainCustomers = trainCustomers;
        this.threads = threads;
        this.partitions = partitions;
        this.spillParent = spillParent;
    }

    /** Customers read so far (every source before the current one, at least), sorted; empty before the read phase. */
    public List<String> customerIds() {
        Partitioner p = partitioner;
        return p == null ? List.of() : p.customerIds();
    }

    /**
     * Runs the build; blocks until every portrait is acknowledged by the sink.
     *
     * @param models   models to reuse, or {@code null} to train new ones
     * @param observer sees every accepted interaction with its meaning (called under a lock from the
     *                 workers, so it need not be thread-safe), may be null
     * @param gate     decides which models build the portraits after training, may be null
     */
    public BatchBuild.Result run(List<Source> sources, Instant asOf, ModelBundle models, BuildListener listener,
                                 Consumer<HistoryIngest.SemanticInteraction> observer,
                                 Function<ModelTraining.Result, ModelBundle> gate) {
        Path dir;
        try {
            dir = spillParent == null ? Files.createTempDirectory("cp-build-")
                    : Files.createTempDirectory(Files.createDirectories(spillParent), "cp-build-");
        } catch (IOException e) {
            throw new PortraitException("cannot create the spill directory: " + e.getMessage(), e);
        }
        try {
            return run(dir, sources, asOf, models, listener, observer, gate);
        } finally {
            deleteTree(dir);
        }
    }

    private BatchBuild.Result run(Path dir, List<Source> sources, Instant asOf, ModelBundle models,
                                  BuildListener listener, Consumer<HistoryIngest.SemanticInteraction> observer,
                                  Function<ModelTraining.Result, ModelBundle> gate) {
        Map<String, Long> phases = new LinkedHashMap<>();
        CleaningReport report = new CleaningReport();
        Map<String, Long> records = new LinkedHashMap<>();

        long t0 = System.nanoTime();
        listener.phase("read", -1);
        Cleaner unattributed = new Cleaner(new Unmatched(report), cleaning(asOf), report);
        int customers;
        try (Partitioner part = new Partitioner(dir, partitions, config::normalisePhone, unattributed);
             HandOff spill = new HandOff(part, "portrait-spill")) {
            partitioner = part;
            // the reading thread parses or generates, the spill thread attributes, encodes and writes
            ProgressSink progress = new ProgressSink(spill, listener);
            for (Source s : sources) {
                records.put(s.name(), s.readInto(progress));
                spill.drain(); // the next source may ask which customers exist
            }
            part.finish();
            customers = part.customers();
        }
        listener.progress(records.values().stream().mapToLong(Long::longValue).sum());
        phases.put("read", BatchBuild.ms(t0));
        listener.phaseDone("read", phases.get("read"));

        boolean trained = models == null;
        BatchBuild.Trained training = BatchBuild.trainPhase(config, trainCustomers, () -> {
            HistoryStore sample = new HistoryStore(config.history());
            CleaningReport scratch = new CleaningReport();
            for (int p = 0; p < partitions && sample.size() < trainCustomers; p++) {
                fold(dir, p, asOf, sample, scratch, null);
            }
            return sample;
        }, asOf, models, gate, listener, phases);
        models = training.models();
        ModelTraining.HeldOut heldOut = training.heldOut();

        long t2 = System.nanoTime();
        listener.phase("portraits", customers);
        Map<String, LongAdder> segments = new ConcurrentHashMap<>();
        Map<String, CustomerProfile> sample = new ConcurrentHashMap<>();
        AtomicLong done = new AtomicLong();
        AtomicInteger next = new AtomicInteger();
        Consumer<HistoryIngest.SemanticInteraction> seen = observer == null ? null : s -> {
            synchronized (observer) {
                observer.accept(s);
            }
        };
        PortraitBuilder builder = new PortraitBuilder(config);
        ModelBundle m = models;
        AtomicInteger names = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "portrait-build-" + names.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int w = 0; w < threads; w++) {
                workers.add(pool.submit(() -> {
                    for (int p = next.getAndIncrement(); p < partitions; p = next.getAndIncrement()) {
                        HistoryStore part = new HistoryStore(config.history());
                        fold(dir, p, asOf, part, report, seen);
                        deleteQuietly(Partitioner.file(dir, p));
                        List<CustomerHistory> hs = new ArrayList<>(part.all());
                        hs.sort(Comparator.comparing(CustomerHistory::customerId));
                        List<PortraitSink.Finished> batch = new ArrayList<>(DEFAULT_BATCH);
                        for (CustomerHistory h : hs) {
                            CustomerProfile portrait = builder.build(h, m, asOf);
                            segments.computeIfAbsent(portrait.segment(), k -> new LongAdder()).increment();
                            if (sample.size() < SAMPLE_PORTRAITS) {
                                sample.put(portrait.customerId(), portrait);
                            }
                            batch.add(new PortraitSink.Finished(h, portrait));
                            if (batch.size() == DEFAULT_BATCH) {
                                sink.write(batch);
                                batch = new ArrayList<>(DEFAULT_BATCH);
                                listener.progress(done.addAndGet(DEFAULT_BATCH));
                            }
                        }
                        if (!batch.isEmpty()) {
                            sink.write(batch);
                            listener.progress(done.addAndGet(batch.size()));
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : workers) {
                f.get();
            }
            sink.finish(DRAIN_TIMEOUT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PortraitException("build interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new PortraitException("building portraits failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        phases.put("portraits", BatchBuild.ms(t2));
        listener.phaseDone("portraits", phases.get("portraits"));
        Map<String, Long> seg = new TreeMap<>();
        segments.forEach((k, v) -> seg.put(k, v.sum()));
        BuildSummary summary = new BuildSummary(done.get(), sink.saved(), sink.failed(), records, report.snapshot(),
                seg, models.risk().metrics(), models.segment().silhouettes(), phases, trained);
        return new BatchBuild.Result(summary, new HistoryStore(), models, heldOut, sample);
    }

    private CleaningOptions cleaning(Instant asOf) {
        return CleaningOptions.of(asOf, config::normalisePhone);
    }

    /** Cleans one partition's records into histories, in the order they were spilled. */
    private void fold(Path dir, int partition, Instant asOf, HistoryStore into, CleaningReport report,
                      Consumer<HistoryIngest.SemanticInteraction> observer) {
        HistoryIngest ingest = new HistoryIngest(config, into, report, observer);
        Cleaner cleaner = new Cleaner(ingest, cleaning(asOf), report);
        try (InputStream in = new BufferedInputStream(Files.newInputStream(Partitioner.file(dir, partition)), 1 << 16)) {
            new SpillCodec.Reader(new DataInputStream(in)).readInto(cleaner);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read spill partition " + partition, e);
        }
    }

    /** Counts the contacts no customer could be found for, as {@link HistoryIngest} does. */
    private static final class Unmatched implements RecordSink {
        private final CleaningReport report;

        Unmatched(CleaningReport report) {
            this.report = report;
        }

        @Override
        public void interaction(InteractionRecord r) {
            report.count("unmatched.interaction");
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // the directory is removed at the end of the build anyway
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            files.forEach(StreamingBuild::deleteQuietly);
        } catch (IOException ignored) {
            // nothing left to list
        }
        deleteQuietly(dir);
    }
}
