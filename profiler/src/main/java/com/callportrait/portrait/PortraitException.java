package com.callportrait.portrait;

import com.callportrait.profile.ProfileException;

/**
 * The portrait engine's unchecked exception: a source, a configuration file or a model could not be
 * read, built or written. Narrow subclasses live in the packages that throw them (for example
 * {@code collect.CollectException}). It sits in the engine's root package so
 * that every engine package can throw it without depending on a higher one. Immutable; so are its
 * subclasses.
 */
public class PortraitException extends ProfileException {
    private static final long serialVersionUID = 1L;

    public PortraitException(String message, Throwable cause) {
        super(message, cause);
    }

    public PortraitException(String message) {
        super(message);
    }
}
