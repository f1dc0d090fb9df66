package com.callportrait.profile.redis;

import com.callportrait.profile.ProfileException;

/**
 * Redis could not be configured, reached, or returned something the store cannot read (for
 * example a profile value that is not valid JSON). Command failures on the call path (timeouts,
 * a disconnected server) arrive as Lettuce's own {@code RedisException}s in the failed stage.
 * Immutable; so are its subclasses.
 */
public class RedisStoreException extends ProfileException {
    private static final long serialVersionUID = 1L;

    public RedisStoreException(String message) {
        super(message);
    }

    public RedisStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
