package com.callportrait.speech.redact;

/**
 * Replaces personal data in a transcript with typed placeholders such as {@code [CARD]},
 * {@code [PHONE]}, {@code [NATIONAL_ID]}, {@code [EMAIL]}, {@code [NUMBER]}. Thread-safe.
 */
public interface Redactor {

    /** Returns {@code text} with every recognised piece of personal data replaced. */
    String redact(String text);
}
