package com.callportrait.portrait.clean;

import com.callportrait.profile.Tier;
import com.callportrait.portrait.collect.BillRecord;
import com.callportrait.portrait.collect.ComplaintRecord;
import com.callportrait.portrait.collect.CustomerRecord;
import com.callportrait.portrait.collect.EnrichmentRecord;
import com.callportrait.portrait.collect.FeedbackRecord;
import com.callportrait.portrait.collect.InteractionRecord;
import com.callportrait.portrait.collect.RecordSink;
import com.callportrait.portrait.collect.TicketRecord;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;

/**
 * A sink in front of another sink: repairs or drops each record and counts why. Duplicates are
 * recognised by source id (per record kind) over the whole run. Not thread-safe: one cleaner per
 * reading thread (the report may be shared).
 */
public final class Cleaner implements RecordSink {
    private static final Set<String> CHANNELS = Set.of("voice", "chat", "email", "ivr");
    private static final Set<String> OUTCOMES = Set.of("resolved", "unresolved", "escalated", "transferred", "abandoned");
    private static final Set<String> EMOTIONS = Set.of("angry", "negative", "neutral", "positive");

    private final RecordSink next;
    private final CleaningOptions options;
    private final CleaningReport report;
    private final Instant latest;
    private final LongHashSet seen = new LongHashSet();
    private String lastRaw;
    private String lastNormalised;

    public Cleaner(RecordSink next, CleaningOptions options, CleaningReport report) {
        this.next = next;
        this.options = options;
        this.report = report;
        this.latest = options.asOf().plus(options.futureTolerance());
    }

    public CleaningReport report() {
        return report;
    }

    private boolean firstTime(char kind, String id, String name) {
        if (seen.add(LongHashSet.hash(kind, id))) {
            return true;
        }
        report.count("duplicate." + name);
        return false;
    }

    @Override
    public void customer(CustomerRecord r) {
        if (!firstTime('c', r.customerId(), "customer")) {
            return;
        }
        String tier = r.tier();
        if (tier == null || tier.isBlank()) {
            report.count("missing.tier");
            tier = "standard";
        } else {
            try {
                tier = Tier.parse(tier).wireName();
            } catch (IllegalArgumentException e) {
                report.count("invalid.tier");
                tier = "standard";
            }
        }
        String lang = r.language();
        if (lang == null || lang.isBlank()) {
            report.count("missing.language");
            lang = "en";
        }
        String name = r.name();
        if (name == null || name.isBlank()) {
            report.count("missing.name");
            name = "";
        }
        Instant joined = r.joinedAt();
        if (joined != null && joined.isAfter(latest)) {
            report.count("impossible.future_date");
            joined = null;
        }
        Double ltv = r.lifetimeValue();
        if (ltv != null && (ltv < 0 || ltv.isNaN() || ltv.isInfinite())) {
            report.count("impossible.negative_value");
            ltv = null;
        }
        String phone = phone(r.phone());
        report.count("accepted.customer");
        next.customer(new CustomerRecord(r.customerId(), name, phone, tier, lang.toLowerCase(Locale.ROOT), joined, ltv,
                r.closedAt()));
    }

    private String phone(String raw) {
        if (raw == null || raw.isBlank()) {
            report.count("missing.phone");
            return null;
        }
        // consecutive records of one customer repeat the same number: skip re-parsing it
        String n = raw.equals(lastRaw) ? lastNormalised : options.phoneNormaliser().apply(raw);
        lastRaw = raw;
        lastNormalised = n;
        if (n == null) {
            report.count("invalid.phone");
        } else if (!n.equals(raw)) {
            report.count("normalised.phone");
        }
        return n;
    }

    @Override
    public void bill(BillRecord r) {
        if (!firstTime('b', r.billId(), "bill")) {
            return;
        }
        if (r.issuedAt() == null || r.dueAt() == null) {
            report.count("missing.bill_date");
            report.count("dropped.bill");
            return;
        }
        if (r.issuedAt().isAfter(latest) || r.dueAt().isBefore(r.issuedAt()) || r.amount() < 0) {
            report.count("impossible.bill");
            report.count("dropped.bill");
            return;
        }
        Instant paid = r.paidAt();
        if (paid != null && (paid.isAfter(latest) || paid.isBefore(r.issuedAt().minusSeconds(86_400L * 60)))) {
            report.count("impossible.future_date");
            paid = null;
        }
        report.count("accepted.bill");
        next.bill(new BillRecord(r.billId(), r.customerId(), r.issuedAt(), r.dueAt(), paid, r.amount()));
    }

    @Override
    public void complaint(ComplaintRecord r) {
        if (!firstTime('k', r.complaintId(), "complaint")) {
            return;
        }
        if (r.openedAt() == null || r.openedAt().isAfter(latest)) {
            report.count(r.openedAt() == null ? "missing.complaint_date" : "impossible.future_date");
            report.count("dropped.complaint");
            return;
        }
        report.count("accepted.complaint");
        next.complaint(new ComplaintRecord(r.complaintId(), r.customerId(), r.openedAt(), topicOr(r.topic()),
                r.summary(), r.resolvedAt() != null && r.resolvedAt().isAfter(latest) ? null : r.resolvedAt()));
    }

    @Override
    public void ticket(TicketRecord r) {
        if (!firstTime('t', r.ticketId(), "ticket")) {
            return;
        }
        if (r.openedAt() == null || r.openedAt().isAfter(latest)) {
            report.count(r.openedAt() == null ? "missing.ticket_date" : "impossible.future_date");
            report.count("dropped.ticket");
            return;
        }
        report.count("accepted.ticket");
        next.ticket(new TicketRecord(r.ticketId(), r.customerId(), r.openedAt(), topicOr(r.topic()), r.summary(),
                r.closedAt() != null && r.closedAt().isAfter(latest) ? null : r.closedAt()));
    }

    private String topicOr(String topic) {
        if (topic == null || topic.isBlank()) {
            report.count("missing.topic");
            return "other";
        }
        return topic.trim().toLowerCase(Locale.ROOT);
    }

    /**
     * Feedback (survey score, disposition) passes with its number normalised, as the live path takes
     * it: it may come more than once for one contact (a survey, then a disposition), so it is not
     * de-duplicated here; merging it is idempotent.
     */
    @Override
    public void feedback(FeedbackRecord r) {
        if (r.customerId() != null || r.phone() == null) {
            next.feedback(r);
            return;
        }
        next.feedback(new FeedbackRecord(r.interactionId(), null, options.phoneNormaliser().apply(r.phone()),
                r.survey(), r.outcome(), r.at(), r.note()));
    }

    @Override
    public void interaction(InteractionRecord r) {
        if (!firstTime('i', r.interactionId(), "interaction")) {
            return;
        }
        if (r.start() == null) {
            report.count("missing.start");
            report.count("dropped.interaction");
            return;
        }
        if (r.start().isAfter(latest)) {
            report.count("impossible.future_date");
            report.count("dropped.interaction");
            return;
        }
        Integer wait = seconds(r.waitSec(), Integer.MAX_VALUE);
        Integer talk = seconds(r.talkSec(), (int) options.maxTalk().toSeconds());
        Integer survey = r.survey();
        if (survey != null && (survey < 1 || survey > 5)) {
            report.count("impossible.survey");
            survey = null;
        }
        String channel = label(r.channel(), CHANNELS, "channel", "voice");
        String outcome = label(r.outcome(), OUTCOMES, "outcome", null);
        String emotion = r.emotion() == null ? null : label(r.emotion(), EMOTIONS, "emotion", null);
        String phone = r.phone() == null ? null : phone(r.phone());
        if (r.customerId() == null && phone == null) {
            report.count("unattributable.interaction");
            report.count("dropped.interaction");
            return;
        }
        report.count("accepted.interaction");
        next.interaction(new InteractionRecord(r.interactionId(), r.customerId(), phone, channel, r.start(), r.queue(),
                r.agent(), wait, talk, outcome, survey, emotion, r.topic(), r.transcript(), r.talkTime(), r.note()));
    }

    private Integer seconds(Integer v, int max) {
        if (v == null) {
            return null;
        }
        if (v < 0) {
            report.count("impossible.negative_duration");
            return null;
        }
        if (v > max) {
            report.count("impossible.too_long");
            return null;
        }
        return v;
    }

    private String label(String v, Set<String> allowed, String what, String fallback) {
        if (v == null || v.isBlank()) {
            report.count("missing." + what);
            return fallback;
        }
        String n = v.trim().toLowerCase(Locale.ROOT);
        if (!allowed.contains(n)) {
            report.count("invalid." + what);
            return fallback;
        }
        if (!n.equals(v)) {
            report.count("normalised." + what);
        }
        return n;
    }

    @Override
    public void enrichment(EnrichmentRecord r) {
        report.count("accepted.enrichment");
        next.enrichment(r);
    }

    @Override
    public void rejected(String source, long line, String reason) {
        report.count("rejected.unparseable");
        next.rejected(source, line, reason);
    }
}
