package com.callportrait.portrait.semantic;

import java.util.List;

/**
 * A customer's contacts in time order with what {@link Linker} found between them. Immutable.
 *
 * @param contacts          contacts, oldest first
 * @param repeat            {@code repeat[i]}: contact i follows a contact on the same topic within
 *                          the repeat window
 * @param chainLength       {@code chainLength[i]}: length of the same-topic chain ending at i
 * @param escalationChains  chains of two or more same-topic contacts with an escalation or transfer
 * @param longestChain      the longest same-topic chain
 * @param negativeTurns     contacts whose emotion turned negative within the trigger window after
 *                          an event
 * @param lastTurnTrigger   the event before the latest negative turn ({@code late_bill},
 *                          {@code ticket}, {@code complaint}, {@code unresolved_contact}) or
 *                          {@code null}
 */
public record LinkedHistory(List<Contact> contacts, boolean[] repeat, int[] chainLength, int escalationChains,
                            int longestChain, int negativeTurns, String lastTurnTrigger) {
    public LinkedHistory {
        contacts = List.copyOf(contacts);
        if (repeat.length != contacts.size() || chainLength.length != contacts.size()) {
            throw new IllegalArgumentException("link arrays must match the contacts");
        }
    }
}
