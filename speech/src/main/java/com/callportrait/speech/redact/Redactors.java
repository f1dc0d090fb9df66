package com.callportrait.speech.redact;

import com.callportrait.speech.redact.internal.PiiRedactor;

/** Factories for {@link Redactor}s. */
public final class Redactors {

    private static final Redactor STANDARD = new PiiRedactor();

    private Redactors() {
    }

    /**
     * The redactor for English call transcripts, written or as recognised: cards, phones,
     * national ids, e-mails and long digit strings. Thread-safe; share it.
     */
    public static Redactor standard() {
        return STANDARD;
    }
}
