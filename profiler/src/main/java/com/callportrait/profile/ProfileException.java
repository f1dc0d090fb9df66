package com.callportrait.profile;

import com.callportrait.common.CallPortraitException;

/**
 * The profiler module's root unchecked exception. Narrow subclasses live in the packages that throw
 * them: {@code RedisStoreException} for the Redis store, {@code PortraitException} (and its own
 * subclasses) for the portrait engine. Bad settings are reported with
 * {@link com.callportrait.common.config.ConfigException}, bad input values with
 * {@link IllegalArgumentException}, as the records' compact constructors do. Immutable; so are its
 * subclasses.
 */
public class ProfileException extends CallPortraitException {
    private static final long serialVersionUID = 1L;

    public ProfileException(String message) {
        super(message);
    }

    public ProfileException(String message, Throwable cause) {
        super(message, cause);
    }
}
