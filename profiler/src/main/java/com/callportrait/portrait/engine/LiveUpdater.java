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
import com.callportrait.portrait.features.CaseFact;
import com.callportrait.portrait.features.CustomerHistory;
import com.callportrait.portrait.semantic.Contact;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * The incremental path: after one call, clean its record with the batch rules, fold it into that
 * customer's history in the {@link HistoryRepository} (in memory, or in Redis where every instance
 * shares it), rebuild that one portrait with the current models and save it. Nothing else is
 * recomputed, and because {@link PortraitBuilder} is a pure function of (history, models, time), the
 * result equals what a full rebuild would give for the same data and models. A record delivered
 * again (same record id, or the same contact) changes no history, but its portrait is built and
 * saved again, so a save that failed after the history was updated is made good on the retry.
 * Thread-safe: updates of one customer are atomic in the repository.
 */
public final class LiveUpdater {
    private final PortraitConfig config;
    private final HistoryRepository histories;
    private final ProfileStore store;
    private final Supplier<ModelBundle> models;
    private final Clock clock;
    private final CleaningReport report = new CleaningReport();
    private final PortraitBuilder builder;
    private final Runnable labelled;

    /**
     * @param histories where the histories are kept ({@link HistoryStore} in memory, or a shared store)
     * @param models    the current models; may supply {@code null} while none is trained
     * @param labelled  called once per new labelled record (a complaint, a survey answer, an agent's
     *                  disposition: the retraining trigger), may be null
     */
    public LiveUpdater(PortraitConfig config, HistoryRepository histories, ProfileStore store,
                       Supplier<ModelBundle> models, Clock clock, Runnable labelled) {
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

    /** The histories this updater folds records into. */
    public HistoryRepository histories() {
        return histories;
    }

    /** As {@link #onInteraction(InteractionRecord, String)} without a record id (the contact's id still de-duplicates). */
    public CompletionStage<Optional<CustomerProfile>> onInteraction(InteractionRecord r) {
        return onInteraction(r, null);
    }

    /**
     * Applies one interaction delivered as record {@code recordId} (may be null). Completes with the
     * new portrait once the store has it, or with empty when the record was dropped by cleaning or
     * belongs to no known customer.
     */
    public CompletionStage<Optional<CustomerProfile>> onInteraction(InteractionRecord r, String recordId) {
        Instant now = clock.instant();
        InteractionRecord[] cleaned = new InteractionRecord[1];
        clean(now, new RecordSink() {
            @Override
            public void interaction(InteractionRecord clean) {
                cleaned[0] = clean;
            }
        }).interaction(r);
        InteractionRecord c = cleaned[0];
        if (c == null) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        String customerId = c.customerId() != null ? c.customerId() : histories.customerOfPhone(c.phone()).orElse(null);
        if (customerId == null) {
            report.count("unmatched.interaction");
            return CompletableFuture.completedFuture(Optional.empty());
        }
        Contact contact = Contacts.of(c, config);
        HistoryRepository.Change change = histories.update(customerId, recordId, h -> h.addContact(contact));
        if (!change.changed()) {
            report.count("duplicate.interaction");
        } else if (c.survey() != null || (c.outcome() != null && !"abandoned".equals(c.outcome()))) {
            labelled.run(); // a survey answer or an agent's disposition (not the queue's own "abandoned")
        }
        return rebuildAndSave(change.history(), now);
    }

    /** Applies one complaint (a labelled record for the risk model). */
    public CompletionStage<Optional<CustomerProfile>> onComplaint(ComplaintRecord r) {
        Instant now = clock.instant();
        ComplaintRecord[] cleaned = new ComplaintRecord[1];
        clean(now, new RecordSink() {
            @Override
            public void complaint(ComplaintRecord clean) {
                cleaned[0] = clean;
            }
        }).complaint(r);
        ComplaintRecord c = cleaned[0];
        if (c == null) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        CaseFact fact = new CaseFact(c.complaintId(), c.openedAt().getEpochSecond(),
                c.resolvedAt() == null ? -1 : c.resolvedAt().getEpochSecond(), c.topic(), c.summary());
        HistoryRepository.Change change = histories.update(c.customerId(), null, h -> {
            h.addComplaint(fact);
            return true;
        });
        labelled.run();
        return rebuildAndSave(change.history(), now);
    }

    /** As {@link #onFeedback(FeedbackRecord, String)} without a record id. */
    public CompletionStage<Optional<CustomerProfile>> onFeedback(FeedbackRecord r) {
        return onFeedback(r, null);
    }

    /**
     * Applies feedback (survey score, disposition) that arrived after the call's record, delivered
     * as record {@code recordId} (may be null): merges it into that contact and rebuilds the
     * portrait. Empty when the contact is not (yet) in the customer's history (counted as
     * {@code unmatched.feedback}). Idempotent.
     */
    public CompletionStage<Optional<CustomerProfile>> onFeedback(FeedbackRecord r, String recordId) {
        Instant now = clock.instant();
        String phone = r.customerId() != null || r.phone() == null ? null : config.normalisePhone(r.phone());
        String customerId = r.customerId() != null ? r.customerId() : histories.customerOfPhone(phone).orElse(null);
        if (customerId == null) {
            report.count("unmatched.feedback");
            return CompletableFuture.completedFuture(Optional.empty());
        }
        long contact = Contacts.hash(r.interactionId());
        int survey = r.survey() == null ? 0 : r.survey();
        HistoryRepository.Change change = histories.update(customerId, recordId,
                h -> h.mergeFeedback(contact, survey, r.outcome(), r.note()));
        if (!change.changed() && !change.duplicate()) {
            report.count("unmatched.feedback");
            return CompletableFuture.completedFuture(Optional.empty());
        }
        report.count("merged.feedback");
        if ((r.survey() != null || r.outcome() != null) && change.changed()) {
            labelled.run(); // a survey answer or an agent's disposition
        }
        return rebuildAndSave(change.history(), now);
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
        return histories.find(customerId).map(h -> builder.build(h, m, asOf));
    }

    private CompletionStage<Optional<CustomerProfile>> rebuildAndSave(CustomerHistory h, Instant now) {
        CustomerProfile p = builder.build(h, models.get(), now);
        return store.save(p).thenApply(v -> Optional.of(p));
    }
}
