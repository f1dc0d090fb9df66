package com.callportrait.portrait.collect;

import com.callportrait.portrait.PortraitException;

/**
 * A source could not be read at all (missing file, unreachable service, broken stream). Immutable.
 */
public final class CollectException extends PortraitException {
    public CollectException(String message, Throwable cause) {
        super(message, cause);
    }

    public CollectException(String message) {
        super(message, null);
    }
}
