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
 * Everything kept about one customer, bounded: the newest {@link #MAX_CONTACTS} contacts, 24 bills,
 * 50 complaints and 50 tickets. Each list stays sorted with a deterministic tie-break and keeps the
 * newest entries whatever order records arrive in, which is what makes an incremental update give
 * the same portrait as a full rebuild. Adding a record already present (same source id) is a no-op.
 *
 * <p>Not thread-safe: one history is updated by one thread at a time (the engine partitions
 * customers, or locks per customer for live updates).
 */
public final class CustomerHistory {
    public static final int MAX_CONTACTS = 200;
    static final int MAX_BILLS = 24;
    static final int MAX_CASES = 50;
    private static final Comparator<BillFact> BILL_ORDER =
            Comparator.comparingLong(BillFact::issued).thenComparingLong(BillFact::idHash);
    private static final Comparator<CaseFact> CASE_ORDER =
            Comparator.comparingLong(CaseFact::opened).thenComparing(CaseFact::id);

    private final String customerId;
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

    public CustomerHistory(String customerId) {
        this.customerId = Objects.requireNonNull(customerId, "customerId");
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
        return insert(contacts, c, Contact.ORDER, MAX_CONTACTS, x -> x.idHash() == c.idHash());
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
        return insert(bills, b, BILL_ORDER, MAX_BILLS, x -> x.idHash() == b.idHash());
    }

    /** Adds or replaces (same id) a complaint: a later export may carry its resolution. */
    public void addComplaint(CaseFact c) {
        complaints.removeIf(x -> x.id().equals(c.id()));
        insert(complaints, c, CASE_ORDER, MAX_CASES, x -> false);
    }

    public void addTicket(CaseFact c) {
        tickets.removeIf(x -> x.id().equals(c.id()));
        insert(tickets, c, CASE_ORDER, MAX_CASES, x -> false);
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
}
