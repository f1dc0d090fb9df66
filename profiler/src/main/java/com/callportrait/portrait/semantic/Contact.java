package com.callportrait.portrait.semantic;

import java.util.Comparator;
import java.util.Objects;

/**
 * One interaction reduced to its meaning and measures, as the engine keeps it per customer (about
 * 80 bytes, so a million fit a bounded heap). Missing numbers are {@code -1}; a missing
 * survey is 0. Immutable and thread-safe.
 *
 * @param idHash   64-bit hash of the source id (de-duplication, deterministic ordering)
 * @param at       epoch seconds of the start
 * @param channel  {@code voice}, {@code chat}, {@code email}, {@code ivr}
 * @param hour     local hour of day 0-23 in the centre's zone
 * @param waitSec  queue wait, {@code -1} when unknown
 * @param talkSec  talk time, {@code -1} when unknown
 * @param outcome  outcome word, {@code unknown} when missing
 * @param survey   1-5, 0 when not answered
 * @param emotion  {@code angry}, {@code negative}, {@code neutral}, {@code positive}
 * @param topic    taxonomy topic
 * @param note     how it was solved (the agent's disposition note, redacted), or {@code null}: kept
 *                 only where an agent wrote one, so most contacts cost one null reference more
 */
public record Contact(long idHash, long at, String channel, int hour, int waitSec, int talkSec, String outcome,
                      int survey, String emotion, String topic, String note) {
    /** Time order with the id hash as tie-break, so order never depends on arrival order. */
    public static final Comparator<Contact> ORDER =
            Comparator.comparingLong(Contact::at).thenComparingLong(Contact::idHash);

    public Contact {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(emotion, "emotion");
        Objects.requireNonNull(topic, "topic");
        if (hour < 0 || hour > 23 || survey < 0 || survey > 5) {
            throw new IllegalArgumentException("hour must be 0-23 and survey 0-5");
        }
        note = note == null || note.isBlank() ? null : note;
    }

    /** A contact without a note. */
    public Contact(long idHash, long at, String channel, int hour, int waitSec, int talkSec, String outcome,
                   int survey, String emotion, String topic) {
        this(idHash, at, channel, hour, waitSec, talkSec, outcome, survey, emotion, topic, null);
    }

    public boolean negative() {
        return emotion.equals("negative") || emotion.equals("angry");
    }

    /** Emotion on a line: angry -2, negative -1, neutral 0, positive 1. */
    public int emotionScore() {
        return switch (emotion) {
            case "angry" -> -2;
            case "negative" -> -1;
            case "positive" -> 1;
            default -> 0;
        };
    }

    public boolean escalated() {
        return outcome.equals("escalated") || outcome.equals("transferred");
    }
}
