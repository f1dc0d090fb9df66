package com.callportrait.common.config;

import com.callportrait.common.CallPortraitException;
import java.util.Optional;

/**
 * A setting has a bad value. The message names the variable (or option) and says what it accepts and
 * what it got, e.g. {@code CP_AGI_PORT must be a whole number in [0, 65535], got 'abc'}; start-up stops
 * on it. Thrown only while options are built, never on a call's path. Immutable; so are its
 * subclasses.
 */
public class ConfigException extends CallPortraitException {
    private final String variable;

    /** A bad value of {@code variable}; {@code problem} reads on from the variable's name. */
    public ConfigException(String variable, String problem) {
        super(variable + " " + problem);
        this.variable = variable;
    }

    /** A configuration problem not tied to one variable (e.g. two settings that contradict each other). */
    public ConfigException(String message) {
        super(message);
        this.variable = null;
    }

    /** A configuration problem with its cause (a rules file that does not parse). */
    public ConfigException(String message, Throwable cause) {
        super(message, cause);
        this.variable = null;
    }

    /** The variable at fault, when there is one. */
    public Optional<String> variable() {
        return Optional.ofNullable(variable);
    }
}
