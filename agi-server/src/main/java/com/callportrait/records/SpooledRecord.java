package com.callportrait.records;

import com.callportrait.portrait.collect.FeedbackRecord;
import com.callportrait.portrait.collect.InteractionJson;
import com.callportrait.portrait.collect.InteractionRecord;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One record as kept in the spool: its kind, its stable id (the call id for an interaction, a
 * fresh UUID given once to each feedback) and the record's JSON (the stream's own encoding).
 * Payload bytes: {@code version(1) kind(1) idLength(2) id json}, all UTF-8. Immutable.
 */
record SpooledRecord(Kind kind, String id, String json) {
    enum Kind { INTERACTION, FEEDBACK }

    private static final byte VERSION = 1;

    SpooledRecord {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(json, "json");
        if (id == null || id.isBlank() || id.length() > 1000) {
            throw new IllegalArgumentException("a spooled record needs an id of 1-1000 characters, got " + id);
        }
    }

    static SpooledRecord of(InteractionRecord r) {
        return new SpooledRecord(Kind.INTERACTION, r.interactionId(), InteractionJson.encode(r));
    }

    static SpooledRecord of(String id, FeedbackRecord r) {
        return new SpooledRecord(Kind.FEEDBACK, id, InteractionJson.encodeFeedback(r));
    }

    byte[] encode() {
        byte[] i = id.getBytes(StandardCharsets.UTF_8);
        byte[] j = json.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(4 + i.length + j.length).put(VERSION).put((byte) kind.ordinal())
                .putShort((short) i.length).put(i).put(j).array();
    }

    /** @throws IllegalArgumentException when the bytes are not a spooled record */
    static SpooledRecord decode(byte[] b) {
        if (b.length < 4 || b[0] != VERSION || b[1] < 0 || b[1] >= Kind.values().length) {
            throw new IllegalArgumentException("not a spooled record (version/kind)");
        }
        int n = ByteBuffer.wrap(b, 2, 2).getShort() & 0xffff;
        if (4 + n > b.length) {
            throw new IllegalArgumentException("not a spooled record (id length " + n + ")");
        }
        return new SpooledRecord(Kind.values()[b[1]], new String(b, 4, n, StandardCharsets.UTF_8),
                new String(b, 4 + n, b.length - 4 - n, StandardCharsets.UTF_8));
    }

    InteractionRecord interaction() {
        return InteractionJson.decode(json);
    }

    FeedbackRecord feedback() {
        return InteractionJson.decodeFeedback(json);
    }
}
