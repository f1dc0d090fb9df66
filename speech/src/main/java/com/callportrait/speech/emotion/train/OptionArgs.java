package com.callportrait.speech.emotion.train;

import java.nio.file.Path;

/**
 * Walks {@code --name value} command-line pairs for the training options, with typed values and an
 * error that names the option when its value is missing or malformed. Not thread-safe; one per parse.
 */
final class OptionArgs {
    private final String[] args;
    private int index = -1;

    OptionArgs(String[] args) {
        this.args = args.clone();
    }

    /** Moves to the next option name; false when none is left. */
    boolean next() {
        return ++index < args.length;
    }

    /** The current option's name, e.g. {@code --epochs}. */
    String name() {
        return args[index];
    }

    /** The current option's value, consumed. */
    String text() {
        String option = name();
        if (index + 1 >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[++index];
    }

    Path path() {
        return Path.of(text());
    }

    int whole() {
        String option = name();
        String v = text();
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a whole number, got '" + v + "'", e);
        }
    }

    long wholeLong() {
        String option = name();
        String v = text();
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a whole number, got '" + v + "'", e);
        }
    }

    double number() {
        String option = name();
        String v = text();
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a number, got '" + v + "'", e);
        }
    }

    IllegalArgumentException unknown() {
        return new IllegalArgumentException("unknown option " + name());
    }
}
