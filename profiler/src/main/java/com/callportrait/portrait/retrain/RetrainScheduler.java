package com.callportrait.portrait.retrain;

import com.callportrait.portrait.engine.ModelBundle;
import com.callportrait.portrait.engine.ModelMaintainer;
import com.callportrait.portrait.engine.ModelTraining;
import com.callportrait.portrait.engine.ModelVersion;
import com.callportrait.portrait.engine.Pacer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retrains the portrait models inside the running server. One daemon thread of its own
 * ({@value #THREAD}, minimum priority; never a Netty event loop or the speech pool, which the
 * engine's training guard enforces) checks every {@link RetrainOptions#check()}:
 * <ol>
 * <li>pick-up: when a version published in Redis ({@link ModelChannel}) is newer than this
 *     instance's, it loads it from the registry and swaps its bundle at once (also woken at once by
 *     the publish message);</li>
 * <li>due: at least {@link RetrainOptions#minNew()} new labelled records arrived over all instances,
 *     or at least one arrived and {@link RetrainOptions#interval()} passed since the last training;</li>
 * <li>train: only with the {@link RetrainLease}; on a sample of at most
 *     {@link RetrainOptions#maxCustomers()} customers of this instance's histories, paced to
 *     {@link RetrainOptions#cpuShare()} of one core ({@link Pacer}); features and labels are split by
 *     time, so the gate compares candidate and current model on the newest window, whose labels the
 *     candidate never saw;</li>
 * <li>gate: the {@link ModelMaintainer} registers each candidate as accepted or refused (refusals are
 *     logged with their metrics); when one was accepted and the lease is still held, the new
 *     versions are published and every instance picks them up.</li>
 * </ol>
 * A failed training (too few records, Redis away) is logged and retried after a back-off.
 * Lifecycle: {@link #start()}, {@link #close()}. Thread-safe.
 */
public final class RetrainScheduler implements AutoCloseable {
    /** The training thread's name. */
    public static final String THREAD = "portrait-retrain";
    private static final Logger log = LoggerFactory.getLogger(RetrainScheduler.class);
    private static final Duration FIRST_BACKOFF = Duration.ofMinutes(1);

    /** Trains candidates; the maintainer's training in production, replaceable in tests. */
    @FunctionalInterface
    public interface Trainer {
        ModelTraining.Result train(Instant asOf, Pacer pacer);
    }

    /**
     * One training of this instance.
     *
     * @param at        when it started
     * @param thread    the thread it ran on
     * @param labelled  the new labelled records that made it due
     * @param outcome   the gate's decisions, or {@code null} when it failed or lost the lease
     * @param millis    how long it took
     * @param sleptMs   how long the pacer slept to keep it to its CPU share
     * @param published whether new versions were published
     * @param error     why it failed, or {@code null}
     */
    public record Run(Instant at, String thread, long labelled, ModelMaintainer.Outcome outcome, long millis,
                      long sleptMs, boolean published, String error) { }

    private final RetrainOptions options;
    private final ModelMaintainer maintainer;
    private final ModelChannel channel;
    private final RetrainLease lease;
    private final Clock clock;
    private final String instance;
    private final Trainer trainer;
    private final Thread thread;
    private final Semaphore wake = new Semaphore(0);
    private final AtomicInteger runs = new AtomicInteger();
    private final Instant startedAt;
    private volatile Run lastRun;
    private volatile boolean stopping;
    private Instant notBefore = Instant.EPOCH;
    private Map<String, Integer> missing = Map.of();
    private Duration backoff = FIRST_BACKOFF;

    public RetrainScheduler(RetrainOptions options, ModelMaintainer maintainer, ModelChannel channel, RetrainLease lease,
                            Clock clock, String instance) {
        this(options, maintainer, channel, lease, clock, instance, maintainer::train);
    }

    /** As above with another trainer (tests that need a candidate of known quality). */
    public RetrainScheduler(RetrainOptions options, ModelMaintainer maintainer, ModelChannel channel, RetrainLease lease,
                            Clock clock, String instance, Trainer trainer) {
        this.options = Objects.requireNonNull(options, "options");
        this.maintainer = maintainer;
        this.channel = channel;
        this.lease = lease;
        this.clock = clock;
        this.instance = instance;
        this.trainer = trainer;
        this.startedAt = clock.instant();
        this.thread = new Thread(this::loop, THREAD);
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
    }

    /** Subscribes to published versions and starts the thread. */
    public RetrainScheduler start() {
        try {
            channel.subscribe(wake::release);
        } catch (RuntimeException e) {
            // the key is still read on every check: pick-up is late by one interval, not lost
            log.warn("model publications not subscribed ({}); new versions are picked up within {}", e.toString(),
                    options.check());
        }
        thread.start();
        return this;
    }

    /** The models this instance builds portraits with now (an immutable bundle; {@code null} before any). */
    public ModelBundle current() {
        return maintainer.current();
    }

    /** The last training of this instance, if any. */
    public Optional<Run> lastRun() {
        return Optional.ofNullable(lastRun);
    }

    /** Trainings this instance ran (promoted, refused or failed). */
    public int runs() {
        return runs.get();
    }

    /** Counts new labelled records towards the trigger (called by the live updater per record). */
    public void labelled() {
        try {
            channel.labelled(1);
        } catch (RuntimeException e) {
            log.debug("labelled record not counted: {}", e.toString());
        }
    }

    /** Makes the thread check now instead of at the next interval (tests, operators). */
    public void checkNow() {
        wake.release();
    }

    private void loop() {
        while (!stopping) {
            try {
                check();
            } catch (RuntimeException e) {
                log.warn("retrain check failed: {}", e.toString());
            }
            try {
                wake.tryAcquire(options.check().toMillis(), TimeUnit.MILLISECONDS);
                wake.drainPermits();
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** One round: pick up published versions, then train if due and the lease is ours. */
    void check() {
        pickUp();
        Instant now = clock.instant();
        if (now.isBefore(notBefore)) {
            return;
        }
        long n = channel.labelledCount();
        if (!due(n, now)) {
            return;
        }
        Optional<RetrainLease.Held> held = lease.tryAcquire();
        if (held.isEmpty()) {
            log.debug("retraining due, but another instance holds the lease ({})", lease.holder().orElse("expired"));
            return;
        }
        try (RetrainLease.Held h = held.get()) {
            // another instance may have trained and published between our check and our lease
            pickUp();
            n = channel.labelledCount();
            if (!due(n, clock.instant())) {
                return;
            }
            train(h, n);
        }
    }

    private boolean due(long newLabelled, Instant now) {
        if (newLabelled <= 0) {
            return false;
        }
        Instant last = channel.lastAttempt().orElse(startedAt);
        return newLabelled >= options.minNew() || !now.isBefore(last.plus(options.interval()));
    }

    private void train(RetrainLease.Held held, long labelled) {
        Instant at = clock.instant();
        long t0 = System.nanoTime();
        Pacer pacer = new Pacer(options.cpuShare());
        runs.incrementAndGet();
        log.info("retraining on this centre's records ({} new labelled records; lease {}; at most {} customers, {}% of"
                + " one core)", labelled, held.token(), options.maxCustomers(), Math.round(options.cpuShare() * 100));
        ModelMaintainer.Outcome outcome;
        try {
            ModelTraining.Result candidate = trainer.train(at, pacer);
            if (!held.renew()) {
                lastRun = new Run(at, Thread.currentThread().getName(), labelled, null, ms(t0), pacer.sleptMillis(),
                        false, "lease lost during training");
                return;
            }
            outcome = maintainer.offer(candidate, at, ModelVersion.LIVE_RECORDS);
        } catch (RuntimeException e) {
            notBefore = clock.instant().plus(backoff);
            log.warn("retraining failed ({}); next attempt not before {}", e.toString(), notBefore);
            backoff = min(backoff.multipliedBy(2), options.interval());
            lastRun = new Run(at, Thread.currentThread().getName(), labelled, null, ms(t0), pacer.sleptMillis(), false,
                    e.toString());
            return;
        }
        backoff = FIRST_BACKOFF;
        try {
            channel.consumed(labelled);
            channel.attempted(clock.instant());
        } catch (RuntimeException e) {
            // the counter still says "due": wait before training the same records again
            notBefore = clock.instant().plus(FIRST_BACKOFF);
            log.warn("retraining not recorded in Redis ({}); next attempt not before {}", e.toString(), notBefore);
        }
        for (ModelVersion v : outcome.versions()) {
            String line = String.format(Locale.ROOT, "%s v%d %s: %s %.4f vs current %s on the newest %d held-out rows;"
                    + " trained on %s; window %s..%s; metrics %s", v.model(), v.version(), v.status(), v.gateMetric(),
                    v.candidate(), Double.isNaN(v.incumbent()) ? "none" : String.format(Locale.ROOT, "%.4f",
                            v.incumbent()), v.trainedOn().getOrDefault("heldout", 0L), new TreeMap<>(v.trainedOn()),
                    v.dataFrom(), v.dataTo(), new TreeMap<>(v.metrics()));
            if (v.accepted()) {
                log.info("retrained model promoted: {}", line);
            } else {
                log.warn("retrained model refused by the gate, current model kept: {}", line);
            }
        }
        boolean published = false;
        if (outcome.promoted()) {
            if (held.renew()) {
                Map<String, Integer> versions = outcome.current().versions();
                channel.publish(new ModelChannel.Published(versions, maintainer.registry().dir().toAbsolutePath()
                        .toString(), clock.instant(), instance));
                published = true;
                log.info("published model versions {} to every instance", new TreeMap<>(versions));
            } else {
                log.warn("lease lost before publishing; versions {} stay local to this instance",
                        outcome.current().versions());
            }
        }
        lastRun = new Run(at, Thread.currentThread().getName(), labelled, outcome, ms(t0), pacer.sleptMillis(),
                published, null);
        log.info("retraining done in {} ms ({} ms paced)", lastRun.millis(), lastRun.sleptMs());
    }

    /** Loads the published versions when they differ from this instance's (another instance promoted). */
    private void pickUp() {
        Optional<ModelChannel.Published> p = channel.current();
        if (p.isEmpty()) {
            return;
        }
        ModelBundle now = maintainer.current();
        // versions only grow in the shared registry: per model the newer of ours and the published
        // one, so a version registered here (e.g. by 'profile build') is never rolled back
        Map<String, Integer> wanted = new TreeMap<>(p.get().versions());
        if (now != null) {
            now.versions().forEach((model, v) -> wanted.merge(model, v, Math::max));
        }
        if (now != null && now.versions().equals(wanted)) {
            return;
        }
        if (maintainer.restore(wanted)) {
            log.info("picked up model versions {} published by {} at {}", wanted, p.get().instance(), p.get().at());
        } else if (!p.get().versions().equals(missing)) {
            // said once per publication, not on every check
            log.warn("published model versions {} are not in registry {} (is it shared by every instance?)",
                    p.get().versions(), maintainer.registry().dir());
            missing = p.get().versions();
        }
    }

    private static long ms(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** Stops the thread (a training in progress finishes its current step; its lease expires or is released). */
    @Override
    public void close() {
        stopping = true;
        thread.interrupt();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        channel.close();
    }
}
