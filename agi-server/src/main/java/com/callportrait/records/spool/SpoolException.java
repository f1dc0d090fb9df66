package com.callportrait.records.spool;

import com.callportrait.common.CallPortraitException;

/**
 * The spool could not be opened, written or read (disk full, permissions, I/O error). Immutable; so
 * are its subclasses.
 */
public class SpoolException extends CallPortraitException {
    public SpoolException(String message, Throwable cause) {
        super(message, cause);
    }

    public SpoolException(String message) {
        super(message);
    }
}
