package com.callportrait.portrait.engine;

import com.callportrait.portrait.collect.InteractionRecord;
import com.callportrait.portrait.semantic.Contact;

/** Turns a cleaned interaction into its compact, meaningful {@link Contact}. Stateless. */
final class Contacts {
    private Contacts() {
    }

    static Contact of(InteractionRecord r, PortraitConfig config) {
        String topic = r.topic() != null && config.topics().topics().contains(r.topic())
                ? r.topic() : config.topics().classify(r.transcript());
        String emotion = r.emotion() != null ? r.emotion() : config.emotions().classify(r.transcript());
        int hour = config.zone().getRules().isFixedOffset()
                ? (int) Math.floorMod(r.start().getEpochSecond()
                        + config.zone().getRules().getOffset(r.start()).getTotalSeconds(), 86_400L) / 3600
                : r.start().atZone(config.zone()).getHour();
        return new Contact(hash(r.interactionId()), r.start().getEpochSecond(), intern(r.channel()), hour,
                r.waitSec() == null ? -1 : r.waitSec(), r.talkSec() == null ? -1 : r.talkSec(),
                r.outcome() == null ? "unknown" : r.outcome().intern(), r.survey() == null ? 0 : r.survey(),
                emotion.intern(), topic.intern(), r.note());
    }

    private static String intern(String s) {
        return s == null ? "voice" : s.intern();
    }

    /** 64-bit FNV-1a of a source id. */
    static long hash(String id) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < id.length(); i++) {
            h ^= id.charAt(i);
            h *= 0x100000001b3L;
        }
        return h;
    }
}
