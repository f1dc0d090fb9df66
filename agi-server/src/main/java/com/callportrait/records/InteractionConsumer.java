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
import com.callportrait.portrait.engine.HistoryStore;
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
 * {@link LiveUpdater} (that one customer's portrait, incrementally) and waits until the
 * {@link ProfileStore} has saved it; only then does the stream source acknowledge the batch. When
 * anything fails (Redis down, a save timing out) the batch stays pending and is read again on the
 * next round, which is safe because the engine drops duplicate contacts and merging the same
 * feedback twice changes nothing.
 *
 * <p>A customer seen for the first time by this process but known to the store (imported, or built
 * by another process) gets a history seeded from the stored portrait's attributes; earlier contacts
 * of that customer are then not in this process's history. Not thread-safe: one thread calls
 * {@link #poll()} (owned by {@link ProfileFreshness}).
 */
public final class InteractionConsumer implements RecordSink {
    private static final Logger log = LoggerFactory.getLogger(InteractionConsumer.class);
    private static final long SAVE_TIMEOUT_MS = 10_000;

    private final Source source;
    private final LiveUpdater updater;
    private final HistoryStore histories;
    private final ProfileStore store;
    private final PortraitConfig config;
    private final Clock clock;
    private final Counter updates;
    private final Counter skipped;
    private final Timer latency;
    private long entryMillis = -1;

    public InteractionConsumer(Source source, LiveUpdater updater, HistoryStore histories, ProfileStore store,
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
        this.latency = Timer.builder("cp.profile.update.latency")
                .description("record appended to the stream -> portrait saved").publishPercentileHistogram()
                .register(registry);
    }

    /** Reads and applies whatever the stream has (own pending entries first); returns how many. */
    public long poll() {
        return source.readInto(this);
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
        done(updater.onInteraction(r), r.interactionId());
    }

    @Override
    public void feedback(FeedbackRecord r) {
        seed(r.customerId(), r.phone());
        done(updater.onFeedback(r), r.interactionId());
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
        updates.increment();
        if (entryMillis > 0) {
            latency.record(Math.max(0, clock.millis() - entryMillis), TimeUnit.MILLISECONDS);
        }
    }

    /** A customer new to this process's histories but known to the store starts from its portrait. */
    private void seed(String customerId, String rawPhone) {
        String phone = rawPhone == null ? null : config.normalisePhone(rawPhone);
        if (customerId != null ? histories.get(customerId).isPresent() : histories.customerOfPhone(phone).isPresent()) {
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
            HistoryIngest ingest = new HistoryIngest(config, histories, updater.report(), null);
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
                        "neutral", t.topic(), t.topic()));
            }
            log.info("portrait of {} seeded from its stored profile (no earlier history in this process)",
                    p.customerId());
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
