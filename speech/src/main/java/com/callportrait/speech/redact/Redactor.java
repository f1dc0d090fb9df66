package com.callportrait.speech.redact;

/**
 * Replaces personal data in a transcript with typed placeholders such as {@code [CARD]},
 * {@code [PHONE]}, {@code [NATIONAL_ID]}, {@code [EMAIL]}, {@code [ADDRESS]}, {@code [NUMBER]}.
 * Thread-safe.
 */
public interface Redactor {

    /** Returns {@code text} with every recognised piece of personal data replaced. */
    String redact(String text);

    /**
     * As {@link #redact} for a partial result: the caller is still speaking, so a number at the end of
     * {@code text} may be the first digits of a card or phone number ("call me back on two one two
     * five ...") and is masked too, before it is long enough to be recognised as one. The default
     * masks nothing more than {@link #redact}.
     */
    default String redactPartial(String text) {
        return redact(text);
    }
}
