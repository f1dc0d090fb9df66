package com.callportrait.records;

import com.callportrait.profile.CustomerProfile;
import com.callportrait.profile.OpenIssue;
import com.callportrait.profile.ProfileStore;
import com.callportrait.profile.TopicOutcome;
import com.callportrait.portrait.collect.CustomerRecord;
import com.callportrait.portrait.collect.FeedbackRecord;
import com.callportrait.portrait.collect.InteractionRecord;
import com.callportrait.portrait.collect.RecordSink;
import com.callportrait.portrait.collect.Source;
import com.callportrait.portrait.collect.TicketRecord;
import com.callportrait.portrait.engine.HistoryIngest;
import com.callportrait.portrait.engine.HistoryRepository;
import com.callportrait.portrait.engine.HistoryStore;
import com.callportrait.portrait.features.CustomerHistory;
import com.callportrait.portrait.engine.LiveUpdater;
import com.callportrait.portrait.engine.PortraitConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the interaction streams with a consumer group, applies each record to the portrait engine's
 * {@link LiveUpdater} (folds it into that customer's history in the {@link HistoryRepository}, in
 * Redis for the server, and rebuilds that one portrait) and waits until the {@link ProfileStore} has
 * saved it; only then does the stream source acknowledge the batch. When anything fails (Redis down,
 * a save timing out) the batch stays pending and is read again on the next round, which is safe:
 * each record is applied under its stable record id ({@code rid} of the entry), which the history
 * remembers, and its contact is de-duplicated by its own id too.
 *
 * <p>A customer with no history yet but known to the profile store (a profile imported, or kept by
 * a version that had no shared histories) gets a history seeded once from the stored portrait:
 * its details, open issues and last contacts. Not thread-safe: one thread calls {@link #poll()}
 * (owned by {@link ProfileFreshness}).
 */
public final class InteractionConsumer implements RecordSink {
    private static final Logger log = LoggerFactory.getLogger(InteractionConsumer.class);
    private static final long SAVE_TIMEOUT_MS = 10_000;

    private final Source source;
    private final LiveUpdater updater;
    private final HistoryRepository histories;
    private final ProfileStore store;
    private final PortraitConfig config;
    private final Clock clock;
    private final Counter updates;
    private final Counter skipped;
    private final Counter resaved;
    private final Timer latency;
    private long entryMillis = -1;
    private String recordId;

    public InteractionConsumer(Source source, LiveUpdater updater, HistoryRepository histories, ProfileStore store,
                               PortraitConfig config, Clock clock, MeterRegistry registry) {
        this.source = source;
        this.updater = updater;
        this.histories = histories;
        this.store = store;
        this.config = config;
        this.clock = clock;
        this.updates = Counter.builder("cp.profile.updates").description("portraits updated from live records")
                .register(registry);
        this.skipped = Counter.builder("cp.profile.updates.skipped")
                .description("live records that changed no portrait (cleaned away, unknown caller, unmatched feedback)")
                .register(registry);
        this.resaved = Counter.builder("cp.profile.updates.resaved")
                .description("portraits saved again: another instance changed the history while this one saved")
                .register(registry);
        this.latency = Timer.builder("cp.profile.update.latency")
                .description("record appended to the stream -> portrait saved").publishPercentileHistogram()
                .register(registry);
    }

    /** Reads and applies whatever the stream has (own pending entries first); returns how many. */
    public long poll() {
        return source.readInto(this);
    }

    @Override
    public void streamEntry(String key, String id, String rid) {
        // an entry appended without a record id is still the same entry when read again
        recordId = rid != null ? rid : key + "/" + id;
        streamEntry(key, id);
    }

    @Override
    public void streamEntry(String key, String id) {
        int dash = id.indexOf('-');
        try {
            entryMillis = Long.parseLong(dash < 0 ? id : id.substring(0, dash));
        } catch (NumberFormatException e) {
            entryMillis = -1;
        }
    }

    @Override
    public void interaction(InteractionRecord r) {
        seed(r.customerId(), r.phone());
        done(updater.onInteraction(r, recordId), r.interactionId());
    }

    @Override
    public void feedback(FeedbackRecord r) {
        seed(r.customerId(), r.phone());
        done(updater.onFeedback(r, recordId), r.interactionId());
    }

    @Override
    public void rejected(String source, long line, String reason) {
        log.warn("unreadable interaction record in {}: {}", source, reason);
    }

    /** Waits for the save: the batch is acknowledged after this returns, so it must have happened. */
    private void done(CompletionStage<Optional<CustomerProfile>> saved, String id) {
        Optional<CustomerProfile> p;
        try {
            p = saved.toCompletableFuture().get(SAVE_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while saving the portrait for " + id, e);
        } catch (Exception e) {
            throw new IllegalStateException("portrait for " + id + " not saved: " + e, e);
        }
        if (p.isEmpty()) {
            skipped.increment();
            return;
        }
        settle(p.get(), id);
        updates.increment();
        if (entryMillis > 0) {
            latency.record(Math.max(0, clock.millis() - entryMillis), TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Another instance may have applied a record of the same customer while this one did, and saved
     * its portrait first: then the portrait just saved is the older one. Rebuilt from the shared
     * history as of the same moment, it differs exactly then, and is saved again; the instance whose
     * save lands last always does this check after it, so the stored portrait ends up built from the
     * newest history.
     */
    private void settle(CustomerProfile saved, String id) {
        CustomerProfile last = saved;
        for (int round = 0; round < 3; round++) {
            Optional<CustomerProfile> current = updater.portrait(last.customerId(), last.updatedAt());
            if (current.isEmpty() || current.get().equals(last)) {
                return;
            }
            resaved.increment();
            last = current.get();
            try {
                store.save(last).toCompletableFuture().get(SAVE_TIMEOUT_MS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while saving the portrait for " + id, e);
            } catch (Exception e) {
                throw new IllegalStateException("portrait for " + id + " not saved again: " + e, e);
            }
        }
    }

    /** A customer without a history but known to the store starts from its portrait. */
    private void seed(String customerId, String rawPhone) {
        String phone = rawPhone == null ? null : config.normalisePhone(rawPhone);
        if (customerId != null ? histories.exists(customerId) : histories.customerOfPhone(phone).isPresent()) {
            return;
        }
        CompletionStage<Optional<CustomerProfile>> find = customerId != null ? store.findById(customerId)
                : phone != null ? store.findByPhone(phone) : null;
        if (find == null) {
            return;
        }
        Optional<CustomerProfile> known;
        try {
            known = find.toCompletableFuture().get(SAVE_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (Exception e) {
            throw new IllegalStateException("profile lookup failed: " + e, e);
        }
        known.ifPresent(p -> {
            if (customerId == null && histories.exists(p.customerId())) {
                // the customer has a history, only this number was not indexed for it
                histories.indexPhone(phone, p.customerId());
                return;
            }
            HistoryStore seeded = new HistoryStore(config.history());
            HistoryIngest ingest = new HistoryIngest(config, seeded, updater.report(), null);
            List<String> phones = p.phones().isEmpty() ? java.util.Collections.singletonList(null) : p.phones();
            for (String number : phones) {
                ingest.customer(new CustomerRecord(p.customerId(), p.name(),
                        number == null ? null : config.normalisePhone(number),
                        p.tier().wireName(), p.language(), null, p.lifetimeValue()));
            }
            // open issues stay open (as tickets: the stored portrait does not say which kind they were)
            for (OpenIssue issue : p.openIssues()) {
                ingest.ticket(new TicketRecord(issue.id(), p.customerId(), issue.openedAt(), issue.topic(),
                        issue.summary(), null));
            }
            // its last problems and how they ended are the only contacts the stored portrait keeps
            int i = 0;
            for (TopicOutcome t : p.lastTopics()) {
                ingest.accept(new InteractionRecord("seed:" + p.customerId() + ":" + i++, p.customerId(), null,
                        "voice", t.at(), null, null, null, null, t.outcome().isEmpty() ? null : t.outcome(), null,
                        "neutral", t.topic(), t.topic()).withNote(t.resolution()));
            }
            // seed facts have fixed ids: two instances seeding the same customer store them once
            for (CustomerHistory h : seeded.all()) {
                histories.merge(h);
            }
            for (String number : p.phones()) {
                String canonical = config.normalisePhone(number);
                if (canonical != null) {
                    histories.indexPhone(canonical, p.customerId());
                }
            }
            log.info("history of {} seeded from its stored profile (it had none yet)", p.customerId());
        });
    }

    /** For logs: how long the last update took is in the timer; this is the count so far. */
    public long updatesSoFar() {
        return (long) updates.count();
    }

    static Duration idle() {
        return Duration.ofMillis(250);
    }
}
