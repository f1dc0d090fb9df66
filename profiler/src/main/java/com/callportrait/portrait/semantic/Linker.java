package com.callportrait.portrait.semantic;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Links a customer's contacts: a repeat contact is one on the same topic within {@code repeatDays}
 * of the previous one; consecutive repeats form a chain, an escalation chain when one of its
 * contacts was escalated or transferred; a negative turn is a negative contact, following a
 * non-negative one, within {@code triggerDays} after an event (late bill, ticket, complaint,
 * unresolved contact). Immutable and thread-safe.
 */
public final class Linker {
    /** Something that happened to a customer and may explain a change of mood. */
    public record Event(long at, String kind) { }

    private final long repeatSec;
    private final long triggerSec;

    public Linker(int repeatDays, int triggerDays) {
        if (repeatDays < 1 || triggerDays < 1) {
            throw new IllegalArgumentException("repeatDays and triggerDays must be >= 1");
        }
        this.repeatSec = repeatDays * 86_400L;
        this.triggerSec = triggerDays * 86_400L;
    }

    /**
     * @param contacts contacts in {@link Contact#ORDER}
     * @param events   events in time order
     */
    public LinkedHistory link(List<Contact> contacts, List<Event> events) {
        int n = contacts.size();
        boolean[] repeat = new boolean[n];
        int[] chain = new int[n];
        Map<String, Integer> lastByTopic = new HashMap<>();
        Map<String, Boolean> chainEscalated = new HashMap<>();
        int escalationChains = 0;
        int longest = n == 0 ? 0 : 1;
        for (int i = 0; i < n; i++) {
            Contact c = contacts.get(i);
            Integer prev = lastByTopic.get(c.topic());
            if (prev != null && c.at() - contacts.get(prev).at() <= repeatSec) {
                repeat[i] = true;
                chain[i] = chain[prev] + 1;
                boolean was = chainEscalated.getOrDefault(c.topic(), false);
                boolean now = was || c.escalated();
                if (now && !was) {
                    escalationChains++;
                }
                chainEscalated.put(c.topic(), now);
            } else {
                chain[i] = 1;
                chainEscalated.put(c.topic(), false);
            }
            longest = Math.max(longest, chain[i]);
            lastByTopic.put(c.topic(), i);
        }
        int turns = 0;
        String trigger = null;
        List<Event> all = new ArrayList<>(events);
        for (int i = 1; i < n; i++) {
            Contact c = contacts.get(i);
            Contact before = contacts.get(i - 1);
            if (!c.negative() || before.negative()) {
                continue;
            }
            String t = latestEvent(all, before.at(), c.at());
            if (t == null && !before.outcome().equals("resolved") && c.at() - before.at() <= triggerSec) {
                t = "unresolved_contact";
            }
            if (t != null) {
                turns++;
                trigger = t;
            }
        }
        return new LinkedHistory(contacts, repeat, chain, escalationChains, longest, turns, trigger);
    }

    /** The latest event in (from, to] that is at most triggerSec before {@code to}. */
    private String latestEvent(List<Event> events, long from, long to) {
        String found = null;
        for (Event e : events) {
            if (e.at() > from && e.at() <= to && to - e.at() <= triggerSec) {
                found = e.kind();
            }
        }
        return found;
    }
}
