package com.callportrait.speech.redact;

import com.callportrait.speech.redact.internal.PiiRedactor;

/** Factories for {@link Redactor}s. */
public final class Redactors {

    private static final Redactor STANDARD = new PiiRedactor();

    private Redactors() {
    }

    /**
     * The redactor for call transcripts and agent notes, written or as recognised in English:
     * cards (bank cards of 16-19 digits included), phones (Chinese mobiles included), national ids
     * (Chinese resident identity numbers included), e-mails, postal addresses (English and Chinese)
     * and long digit strings. Thread-safe; share it.
     */
    public static Redactor standard() {
        return STANDARD;
    }
}
