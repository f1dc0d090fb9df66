package com.callportrait.portrait.features;

import com.callportrait.portrait.semantic.Contact;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything kept about one customer, bounded by {@link HistoryBounds}: by default the newest 200
 * contacts, 24 bills, 50 complaints and 50 tickets, none older than two years before the newest of
 * its kind (open cases stay), plus the ids of the last records applied. Each list stays sorted with
 * a deterministic tie-break and keeps the newest entries whatever order records arrive in, which is
 * what makes an incremental update give the same portrait as a full rebuild. Adding a record already
 * present (same source id) is a no-op. {@link HistoryCodec} is its stored form.
 *
 * <p>Not thread-safe: one history is updated by one thread at a time (the engine partitions
 * customers, or locks per customer for live updates).
 */
public final class CustomerHistory {
    /** The default bound on contacts ({@link HistoryBounds#DEFAULT_MAX_CONTACTS}). */
    public static final int MAX_CONTACTS = HistoryBounds.DEFAULT_MAX_CONTACTS;
    private static final Comparator<BillFact> BILL_ORDER =
            Comparator.comparingLong(BillFact::issued).thenComparingLong(BillFact::idHash);
    private static final Comparator<CaseFact> CASE_ORDER =
            Comparator.comparingLong(CaseFact::opened).thenComparing(CaseFact::id);

    private final String customerId;
    private final HistoryBounds bounds;
    private String name = "";
    private String phone;
    private String tier = "standard";
    private String language = "en";
    private long joined = -1;
    private double lifetimeValue = -1;
    private long closed = -1;
    private final Map<String, String> attributes = new HashMap<>(4);
    private final ArrayList<Contact> contacts = new ArrayList<>(8);
    private final ArrayList<BillFact> bills = new ArrayList<>(12);
    private final ArrayList<CaseFact> complaints = new ArrayList<>(2);
    private final ArrayList<CaseFact> tickets = new ArrayList<>(2);
    /** Hashes of the last records applied, oldest first (at most {@code bounds.recentRecords()}). */
    private final ArrayList<Long> recent = new ArrayList<>(0);

    /** An empty history with the default bounds. */
    public CustomerHistory(String customerId) {
        this(customerId, HistoryBounds.DEFAULT);
    }

    public CustomerHistory(String customerId, HistoryBounds bounds) {
        this.customerId = Objects.requireNonNull(customerId, "customerId");
        this.bounds = Objects.requireNonNull(bounds, "bounds");
    }

    public void customer(String name, String phone, String tier, String language, long joined, double lifetimeValue) {
        this.name = name == null ? "" : name;
        this.phone = phone;
        this.tier = tier == null ? "standard" : tier;
        this.language = language == null ? "en" : language;
        this.joined = joined;
        this.lifetimeValue = lifetimeValue;
    }

    /**
     * Records that the account was closed (or switched away) at {@code epochSecond}. A closure is
     * kept once known: a later record without one (a partial export, a live seed) does not reopen it.
     */
    public void closed(long epochSecond) {
        this.closed = epochSecond;
    }

    public void attributes(Map<String, String> more) {
        attributes.putAll(more);
    }

    /** Adds a contact; {@code false} when a contact with the same id hash is already kept. */
    public boolean addContact(Contact c) {
        boolean added = insert(contacts, c, Contact.ORDER, bounds.maxContacts(), x -> x.idHash() == c.idHash());
        trimByAge(contacts, Contact::at, x -> false);
        return added;
    }

    /**
     * Sets the survey score and/or outcome of the contact with this id hash (feedback that came
     * after the contact). A {@code null} or 0 leaves that field as it was. Returns false when the
     * history has no such contact. Idempotent.
     */
    public boolean mergeFeedback(long idHash, int survey, String outcome) {
        return mergeFeedback(idHash, survey, outcome, null);
    }

    /** As above, also setting the contact's note (how it was solved) unless {@code note} is {@code null}. */
    public boolean mergeFeedback(long idHash, int survey, String outcome, String note) {
        for (int i = 0; i < contacts.size(); i++) {
            Contact c = contacts.get(i);
            if (c.idHash() == idHash) {
                contacts.set(i, new Contact(c.idHash(), c.at(), c.channel(), c.hour(), c.waitSec(), c.talkSec(),
                        outcome == null ? c.outcome() : outcome.intern(), survey > 0 ? survey : c.survey(),
                        c.emotion(), c.topic(), note == null ? c.note() : note));
                return true;
            }
        }
        return false;
    }

    public boolean addBill(BillFact b) {
        boolean added = insert(bills, b, BILL_ORDER, bounds.maxBills(), x -> x.idHash() == b.idHash());
        trimByAge(bills, BillFact::issued, x -> false);
        return added;
    }

    /** Adds or replaces (same id) a complaint: a later export may carry its resolution. */
    public void addComplaint(CaseFact c) {
        addCase(complaints, c);
    }

    public void addTicket(CaseFact c) {
        addCase(tickets, c);
    }

    private void addCase(ArrayList<CaseFact> cases, CaseFact c) {
        cases.removeIf(x -> x.id().equals(c.id()));
        insert(cases, c, CASE_ORDER, bounds.maxCases(), x -> false);
        trimByAge(cases, CaseFact::opened, x -> x.closed() < 0);
    }

    /**
     * Drops entries older than the age bound before the newest one (the list is in time order), except
     * those {@code keep} says stay. Relative to the newest fact, not the clock: the same facts always
     * leave the same history, whenever and in whatever order they were added.
     */
    private <T> void trimByAge(ArrayList<T> list, java.util.function.ToLongFunction<T> time,
                               java.util.function.Predicate<T> keep) {
        if (list.size() < 2) {
            return;
        }
        long cutoff = time.applyAsLong(list.get(list.size() - 1)) - bounds.maxAgeSeconds();
        if (time.applyAsLong(list.get(0)) >= cutoff) {
            return;
        }
        list.removeIf(x -> time.applyAsLong(x) < cutoff && !keep.test(x));
    }

    /**
     * Whether the record with this id hash was applied to this history recently (among the last
     * {@link HistoryBounds#recentRecords()}): a record delivered again is then skipped.
     */
    public boolean applied(long recordHash) {
        return recent.contains(recordHash);
    }

    /** Remembers that the record with this id hash was applied (forgetting the oldest beyond the bound). */
    public void markApplied(long recordHash) {
        if (bounds.recentRecords() == 0 || recent.contains(recordHash)) {
            return;
        }
        recent.add(recordHash);
        if (recent.size() > bounds.recentRecords()) {
            recent.remove(0);
        }
    }

    /** The ids (hashes) of the last records applied, oldest first. */
    public List<Long> recentRecords() {
        return Collections.unmodifiableList(recent);
    }

    /**
     * Folds every fact of {@code other} (the same customer, from another source such as a data
     * directory loaded at start) into this history: its customer details when it has any, its
     * attributes, and each contact, bill and case. A contact or bill kept already stays as it is here
     * (it may carry feedback merged since); a case is replaced (the other may carry its resolution).
     * Idempotent.
     */
    public void mergeFrom(CustomerHistory other) {
        if (!other.name.isEmpty() || other.phone != null || other.joined >= 0 || other.lifetimeValue >= 0) {
            customer(other.name, other.phone, other.tier, other.language, other.joined, other.lifetimeValue);
        }
        if (other.closed >= 0) {
            closed(other.closed);
        }
        attributes(other.attributes);
        other.contacts.forEach(this::addContact);
        other.bills.forEach(this::addBill);
        other.complaints.forEach(this::addComplaint);
        other.tickets.forEach(this::addTicket);
        other.recent.forEach(this::markApplied);
    }

    private static <T> boolean insert(ArrayList<T> list, T item, Comparator<T> order, int max,
                                      java.util.function.Predicate<T> same) {
        for (T x : list) {
            if (same.test(x)) {
                return false;
            }
        }
        int at = Collections.binarySearch(list, item, order);
        list.add(at < 0 ? -at - 1 : at, item);
        if (list.size() > max) {
            list.remove(0);
        }
        return true;
    }

    public String customerId() { return customerId; }

    public HistoryBounds bounds() { return bounds; }

    public String name() { return name; }

    public String phone() { return phone; }

    public String tier() { return tier; }

    public String language() { return language; }

    /** Epoch seconds of the start of the relationship, {@code -1} when unknown. */
    public long joined() { return joined; }

    /** {@code -1} when unknown. */
    public double lifetimeValue() { return lifetimeValue; }

    /** Epoch seconds the account was closed or switched away, {@code -1} while open (the churn label). */
    public long closed() { return closed; }

    /** Whether the account was closed at or before {@code asOf}. */
    public boolean closedBy(long asOf) { return closed >= 0 && closed <= asOf; }

    public Map<String, String> attributes() { return Collections.unmodifiableMap(attributes); }

    /** Oldest first. */
    public List<Contact> contacts() { return Collections.unmodifiableList(contacts); }

    public List<BillFact> bills() { return Collections.unmodifiableList(bills); }

    public List<CaseFact> complaints() { return Collections.unmodifiableList(complaints); }

    public List<CaseFact> tickets() { return Collections.unmodifiableList(tickets); }

    /**
     * Restores the lists of a stored history as they were kept (already sorted and without duplicates);
     * for {@link HistoryCodec} only, on a new history. Bounds narrowed since the history was stored
     * apply now.
     */
    void restore(List<Contact> cs, List<BillFact> bs, List<CaseFact> complaintList, List<CaseFact> ticketList,
                 List<Long> recentIds) {
        contacts.addAll(cs);
        bills.addAll(bs);
        complaints.addAll(complaintList);
        tickets.addAll(ticketList);
        recent.addAll(recentIds);
        shrink(contacts, bounds.maxContacts());
        shrink(bills, bounds.maxBills());
        shrink(complaints, bounds.maxCases());
        shrink(tickets, bounds.maxCases());
        shrink(recent, bounds.recentRecords());
        trimByAge(contacts, Contact::at, x -> false);
        trimByAge(bills, BillFact::issued, x -> false);
        trimByAge(complaints, CaseFact::opened, x -> x.closed() < 0);
        trimByAge(tickets, CaseFact::opened, x -> x.closed() < 0);
    }

    private static void shrink(ArrayList<?> list, int max) {
        if (list.size() > max) {
            list.subList(0, list.size() - max).clear();
        }
    }
}
