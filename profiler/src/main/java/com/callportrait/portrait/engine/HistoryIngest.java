package com.callportrait.portrait.engine;

import com.callportrait.portrait.clean.CleaningReport;
import com.callportrait.portrait.collect.BillRecord;
import com.callportrait.portrait.collect.ComplaintRecord;
import com.callportrait.portrait.collect.CustomerRecord;
import com.callportrait.portrait.collect.EnrichmentRecord;
import com.callportrait.portrait.collect.FeedbackRecord;
import com.callportrait.portrait.collect.InteractionRecord;
import com.callportrait.portrait.collect.RecordSink;
import com.callportrait.portrait.collect.TicketRecord;
import com.callportrait.portrait.features.BillFact;
import com.callportrait.portrait.features.CaseFact;
import com.callportrait.portrait.features.CustomerHistory;
import com.callportrait.portrait.semantic.Contact;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * Folds cleaned records into the {@link HistoryStore}: gives every interaction its topic and emotion
 * (the live reading when present, else the text lexicon), attributes it by customer id or phone, and
 * keeps it in compact form. Unattributable interactions are counted as {@code unmatched.interaction}.
 * Thread-safe for different customers; records of one customer must come from one thread at a time
 * (the engine locks per history for live updates).
 */
public final class HistoryIngest implements RecordSink {
    private final PortraitConfig config;
    private final HistoryStore store;
    private final CleaningReport report;
    private final Consumer<SemanticInteraction> observer;

    /** An accepted interaction with its meaning, for report statistics. */
    public record SemanticInteraction(InteractionRecord record, String customerId, Contact contact) { }

    public HistoryIngest(PortraitConfig config, HistoryStore store, CleaningReport report,
                         Consumer<SemanticInteraction> observer) {
        this.config = config;
        this.store = store;
        this.report = report;
        this.observer = observer == null ? x -> { } : observer;
    }

    @Override
    public void customer(CustomerRecord r) {
        CustomerHistory h = store.getOrCreate(r.customerId());
        synchronized (h) {
            h.customer(r.name(), r.phone(), r.tier(), r.language(),
                    r.joinedAt() == null ? -1 : r.joinedAt().getEpochSecond(),
                    r.lifetimeValue() == null ? -1 : r.lifetimeValue());
            if (r.closedAt() != null) {
                h.closed(r.closedAt().getEpochSecond());
            }
        }
        if (r.phone() != null) {
            store.indexPhone(r.phone(), r.customerId());
        }
    }

    @Override
    public void bill(BillRecord r) {
        CustomerHistory h = store.getOrCreate(r.customerId());
        synchronized (h) {
            h.addBill(new BillFact(Contacts.hash(r.billId()), r.issuedAt().getEpochSecond(),
                    r.dueAt().getEpochSecond(), r.paidAt() == null ? -1 : r.paidAt().getEpochSecond(), r.amount()));
        }
    }

    @Override
    public void complaint(ComplaintRecord r) {
        CustomerHistory h = store.getOrCreate(r.customerId());
        synchronized (h) {
            h.addComplaint(new CaseFact(r.complaintId(), r.openedAt().getEpochSecond(), epoch(r.resolvedAt()),
                    r.topic(), r.summary()));
        }
    }

    @Override
    public void ticket(TicketRecord r) {
        CustomerHistory h = store.getOrCreate(r.customerId());
        synchronized (h) {
            h.addTicket(new CaseFact(r.ticketId(), r.openedAt().getEpochSecond(), epoch(r.closedAt()), r.topic(),
                    r.summary()));
        }
    }

    @Override
    public void enrichment(EnrichmentRecord r) {
        CustomerHistory h = store.getOrCreate(r.customerId());
        synchronized (h) {
            h.attributes(r.attributes());
        }
    }

    @Override
    public void interaction(InteractionRecord r) {
        accept(r);
    }

    @Override
    public void feedback(FeedbackRecord r) {
        acceptFeedback(r);
    }

    /**
     * Merges survey score / outcome into the contact recorded earlier under the same source id;
     * returns the customer id, or {@code null} when the customer or the contact is unknown
     * (counted as {@code unmatched.feedback}).
     */
    public String acceptFeedback(FeedbackRecord r) {
        String customerId = r.customerId() != null ? r.customerId() : store.customerOfPhone(r.phone()).orElse(null);
        java.util.Optional<CustomerHistory> h = customerId == null ? java.util.Optional.empty() : store.get(customerId);
        boolean merged = false;
        if (h.isPresent()) {
            synchronized (h.get()) {
                merged = h.get().mergeFeedback(Contacts.hash(r.interactionId()), r.survey() == null ? 0 : r.survey(),
                        r.outcome(), r.note());
            }
        }
        if (!merged) {
            report.count("unmatched.feedback");
            return null;
        }
        report.count("merged.feedback");
        return customerId;
    }

    /** Folds one interaction; returns the customer id it was attributed to, or {@code null}. */
    public String accept(InteractionRecord r) {
        String customerId = r.customerId() != null ? r.customerId() : store.customerOfPhone(r.phone()).orElse(null);
        if (customerId == null) {
            report.count("unmatched.interaction");
            return null;
        }
        Contact c = Contacts.of(r, config);
        CustomerHistory h = store.getOrCreate(customerId);
        boolean added;
        synchronized (h) {
            added = h.addContact(c);
        }
        if (added) {
            observer.accept(new SemanticInteraction(r, customerId, c));
        } else {
            report.count("duplicate.interaction");
        }
        return customerId;
    }

    private static long epoch(Instant t) {
        return t == null ? -1 : t.getEpochSecond();
    }
}
