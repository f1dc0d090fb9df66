package com.callportrait.live.ami;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of one action: the {@code Response} message and, for list actions ({@code Status},
 * {@code QueueStatus}), the events that belong to it up to the {@code ...Complete} event.
 * Immutable.
 *
 * @param reply  the {@code Response:} message
 * @param events list events, in order (empty for plain actions)
 */
public record AmiResponse(AmiMessage reply, List<AmiMessage> events) {
    public AmiResponse {
        Objects.requireNonNull(reply, "reply");
        events = List.copyOf(events);
    }

    /** True for {@code Response: Success} (and {@code Goodbye}, the reply to Logoff). */
    public boolean success() {
        String r = reply.value("Response");
        return r.equalsIgnoreCase("Success") || r.equalsIgnoreCase("Goodbye");
    }

    /** The {@code Message:} text, e.g. {@code Unable to change priority caller on queue: No such caller}. */
    public String message() {
        return reply.value("Message");
    }
}
