package com.callportrait.profile;

/**
 * The profiler module's one unchecked exception type; narrow subclasses say what failed (for
 * example {@code RedisStoreException} for the Redis store). Bad input values themselves are reported
 * with {@link IllegalArgumentException}, as the records' compact constructors do.
 */
public class ProfileException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ProfileException(String message) {
        super(message);
    }

    public ProfileException(String message, Throwable cause) {
        super(message, cause);
    }
}
