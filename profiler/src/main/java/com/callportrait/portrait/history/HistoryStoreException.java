package com.callportrait.portrait.history;

import com.callportrait.portrait.PortraitException;

/**
 * A history could not be read or written in Redis (unreachable, too slow, a write that kept losing
 * races, bytes this version cannot read). The live path leaves the record unacknowledged and reads
 * it again later. Immutable.
 */
public final class HistoryStoreException extends PortraitException {
    private static final long serialVersionUID = 1L;

    public HistoryStoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public HistoryStoreException(String message) {
        super(message);
    }
}
