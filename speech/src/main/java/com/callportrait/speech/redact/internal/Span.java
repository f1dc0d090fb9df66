package com.callportrait.speech.redact.internal;

/**
 * A stretch of the input to replace.
 *
 * @param start first character
 * @param end   after the last character
 * @param type  the placeholder
 */
record Span(int start, int end, Placeholder type) implements Comparable<Span> {
    @Override
    public int compareTo(Span o) {
        return start != o.start ? Integer.compare(start, o.start) : Integer.compare(o.end, end);
    }
}
