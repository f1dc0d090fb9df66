package com.callportrait.live.ami;

import java.util.Objects;

/**
 * The first line Asterisk sends, e.g. {@code Asterisk Call Manager/11.0.0}. Immutable and
 * thread-safe.
 *
 * @param text the line without its line end
 */
public record AmiBanner(String text) {
    public AmiBanner {
        Objects.requireNonNull(text, "text");
    }
}
