package com.callportrait.portrait.engine;


import com.callportrait.profile.CustomerProfile;
import com.callportrait.profile.ProfileStore;
import com.callportrait.portrait.clean.Cleaner;
import com.callportrait.portrait.clean.CleaningOptions;
import com.callportrait.portrait.clean.CleaningReport;
import com.callportrait.portrait.collect.ComplaintRecord;
import com.callportrait.portrait.collect.FeedbackRecord;
import com.callportrait.portrait.collect.InteractionRecord;
import com.callportrait.portrait.collect.RecordSink;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * The incremental path: after one call, clean its record with the batch rules, fold it into that
 * customer's history, rebuild that one portrait with the current models and save it. Nothing else is
 * recomputed, and because {@link PortraitBuilder} is a pure function of (history, models, time), the
 * result equals what a full rebuild would give for the same data and models. Thread-safe: updates of
 * one customer serialise on its history.
 */
public final class LiveUpdater {
    private final PortraitConfig config;
    private final HistoryStore histories;
    private final ProfileStore store;
    private final Supplier<ModelBundle> models;
    private final Clock clock;
    private final CleaningReport report = new CleaningReport();
    private final PortraitBuilder builder;
    private final Runnable labelled;

    /**
     * @param models   the current models; may supply {@code null} while none is trained
     * @param labelled called once per new labelled record (a complaint, a survey answer, an agent's
     *                 disposition: the retraining trigger), may be null
     */
    public LiveUpdater(PortraitConfig config, HistoryStore histories, ProfileStore store, Supplier<ModelBundle> models,
                       Clock clock, Runnable labelled) {
        this.config = config;
        this.histories = histories;
        this.store = store;
        this.models = models;
        this.clock = clock;
        this.builder = new PortraitBuilder(config);
        this.labelled = labelled == null ? () -> { } : labelled;
    }

    /** Counts of what cleaning did to live records so far. */
    public CleaningReport report() {
        return report;
    }

    /**
     * Applies one interaction. Completes with the new portrait once the store has it, or with
     * empty when the record was dropped by cleaning or belongs to no known customer.
     */
    public CompletionStage<Optional<CustomerProfile>> onInteraction(InteractionRecord r) {
        Instant now = clock.instant();
        String[] customer = new String[1];
        HistoryIngest ingest = new HistoryIngest(config, histories, report, null);
        clean(now, new RecordSink() {
            @Override
            public void interaction(InteractionRecord clean) {
                customer[0] = ingest.accept(clean);
                if (clean.survey() != null || (clean.outcome() != null && !"abandoned".equals(clean.outcome()))) {
                    labelled.run(); // a survey answer or an agent's disposition (not the queue's own "abandoned")
                }
            }
        }).interaction(r);
        return customer[0] == null ? CompletableFuture.completedFuture(Optional.empty()) : rebuildAndSave(customer[0], now);
    }

    /** Applies one complaint (a labelled record for the risk model). */
    public CompletionStage<Optional<CustomerProfile>> onComplaint(ComplaintRecord r) {
        Instant now = clock.instant();
        HistoryIngest ingest = new HistoryIngest(config, histories, report, null);
        boolean[] ok = new boolean[1];
        clean(now, new RecordSink() {
            @Override
            public void complaint(ComplaintRecord clean) {
                ingest.complaint(clean);
                ok[0] = true;
                labelled.run();
            }
        }).complaint(r);
        return ok[0] ? rebuildAndSave(r.customerId(), now) : CompletableFuture.completedFuture(Optional.empty());
    }

    /**
     * Applies feedback (survey score, disposition) that arrived after the call's record: merges it
     * into that contact and rebuilds the portrait. Empty when the contact is not (yet) in the
     * customer's history (counted as {@code unmatched.feedback}). Idempotent.
     */
    public CompletionStage<Optional<CustomerProfile>> onFeedback(FeedbackRecord r) {
        Instant now = clock.instant();
        FeedbackRecord f = r.customerId() != null || r.phone() == null ? r
                : new FeedbackRecord(r.interactionId(), null, config.normalisePhone(r.phone()), r.survey(), r.outcome(),
                        r.at(), r.note());
        String customer = new HistoryIngest(config, histories, report, null).acceptFeedback(f);
        if (customer == null) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        if (r.survey() != null || r.outcome() != null) {
            labelled.run(); // a survey answer or an agent's disposition
        }
        return rebuildAndSave(customer, now);
    }

    private Cleaner clean(Instant now, RecordSink next) {
        return new Cleaner(next, CleaningOptions.of(now, config::normalisePhone), report);
    }

    /**
     * The portrait of one customer from their current history, as of {@code asOf}, not saved. While
     * the model supplier has none, the portrait has its rule-based parts only and says which learned
     * ones are not available yet.
     */
    public Optional<CustomerProfile> portrait(String customerId, Instant asOf) {
        ModelBundle m = models.get();
        return histories.get(customerId).map(h -> builder.build(h, m, asOf));
    }

    private CompletionStage<Optional<CustomerProfile>> rebuildAndSave(String customerId, Instant now) {
        Optional<CustomerProfile> p = portrait(customerId, now);
        if (p.isEmpty()) {
            return CompletableFuture.completedFuture(p);
        }
        return store.save(p.get()).thenApply(v -> p);
    }
}
