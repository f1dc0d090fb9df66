package com.callportrait.portrait.collect;

import java.time.Instant;
import java.util.Objects;

/**
 * A service ticket (repair, meter visit, new connection...). Immutable and thread-safe.
 *
 * @param ticketId   source id
 * @param customerId owner
 * @param openedAt   when it was opened
 * @param topic      taxonomy topic
 * @param summary    one line, free of personal data
 * @param closedAt   when it was closed, {@code null} while open
 */
public record TicketRecord(String ticketId, String customerId, Instant openedAt, String topic, String summary,
                           Instant closedAt) {
    public TicketRecord {
        Objects.requireNonNull(ticketId, "ticketId");
        Objects.requireNonNull(customerId, "customerId");
    }
}
