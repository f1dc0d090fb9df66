package com.callportrait.portrait.collect;

import java.time.Instant;
import java.util.Objects;

/**
 * One contact with a customer: a live call as CallPortrait recorded it, a CDR / queue_log line, a
 * chat or an email. Raw input may carry impossible values (negative seconds, a survey of 9); the
 * cleaning stage repairs or drops them and counts what it did. Immutable and thread-safe.
 *
 * @param interactionId source id (call CP_UUID, CDR uniqueid, chat id); duplicates are dropped by it
 * @param customerId    CRM id when known, else {@code null} (resolved from the phone)
 * @param phone         caller number as seen
 * @param channel       {@code voice}, {@code chat}, {@code email} or {@code ivr}
 * @param start         when the contact started
 * @param queue         queue name, or {@code null}
 * @param agent         agent name, or {@code null} (abandoned, IVR-only)
 * @param waitSec       seconds waited in queue, or {@code null}
 * @param talkSec       seconds talked with an agent, or {@code null}
 * @param outcome       {@code resolved}, {@code unresolved}, {@code escalated}, {@code transferred},
 *                      {@code abandoned}, or {@code null}
 * @param survey        post-contact survey 1-5, or {@code null}
 * @param emotion       dominant caller emotion measured live ({@code angry}, {@code negative},
 *                      {@code neutral}, {@code positive}), or {@code null}
 * @param topic         topic already classified live, or {@code null}
 * @param transcript    redacted transcript or summary text, or {@code null}
 * @param talkTime      talk-over and silence of a call whose agent leg was transcribed, or {@code null}
 */
public record InteractionRecord(String interactionId, String customerId, String phone, String channel, Instant start,
                                String queue, String agent, Integer waitSec, Integer talkSec, String outcome,
                                Integer survey, String emotion, String topic, String transcript, TalkTime talkTime) {
    public InteractionRecord {
        Objects.requireNonNull(interactionId, "interactionId");
        if (interactionId.isBlank()) {
            throw new IllegalArgumentException("interactionId must not be blank");
        }
    }

    /** A contact without talk-over and silence figures. */
    public InteractionRecord(String interactionId, String customerId, String phone, String channel, Instant start,
                             String queue, String agent, Integer waitSec, Integer talkSec, String outcome,
                             Integer survey, String emotion, String topic, String transcript) {
        this(interactionId, customerId, phone, channel, start, queue, agent, waitSec, talkSec, outcome, survey,
                emotion, topic, transcript, null);
    }

    public InteractionRecord with(String customerId, String phone, Instant start, Integer waitSec, Integer talkSec,
                                  Integer survey, String channel, String outcome) {
        return new InteractionRecord(interactionId, customerId, phone, channel, start, queue, agent, waitSec, talkSec,
                outcome, survey, emotion, topic, transcript, talkTime);
    }

    public InteractionRecord withSemantics(String topic, String emotion) {
        return new InteractionRecord(interactionId, customerId, phone, channel, start, queue, agent, waitSec, talkSec,
                outcome, survey, emotion, topic, transcript, talkTime);
    }
}
