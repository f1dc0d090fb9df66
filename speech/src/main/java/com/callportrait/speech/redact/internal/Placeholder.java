package com.callportrait.speech.redact.internal;

/** The typed placeholders personal data is replaced with. Immutable and thread-safe. */
public enum Placeholder {
    CARD, PHONE, NATIONAL_ID, EMAIL, NUMBER, ADDRESS;

    /** {@code [CARD]}, {@code [PHONE]}, ... */
    public String text() {
        return "[" + name() + "]";
    }
}
