package com.callportrait.profile.imports;

import java.util.Objects;

/**
 * Why one CSV row was rejected (or what was odd about it).
 *
 * @param line       1-based physical line in the file (the header is line 1)
 * @param customerId the row's customer id if it could be read, else empty
 * @param reason     one line an operator can act on
 */
public record RowProblem(long line, String customerId, String reason) {
    public RowProblem {
        if (line < 1) {
            throw new IllegalArgumentException("line must be >= 1, was " + line);
        }
        customerId = customerId == null ? "" : customerId;
        Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String toString() {
        return "line " + line + (customerId.isEmpty() ? "" : " (" + customerId + ")") + ": " + reason;
    }
}
