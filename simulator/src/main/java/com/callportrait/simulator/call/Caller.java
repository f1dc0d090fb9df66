package com.callportrait.simulator.call;

import java.util.Objects;

/**
 * Who calls: a phone number the application knows (or {@code ""} for a withheld number) and the
 * caller id name. The application seeds its customers and hands their numbers to the simulator.
 * Immutable and thread-safe.
 *
 * @param phone caller id ({@code ""} = withheld)
 * @param name  caller id name ({@code ""} = none)
 */
public record Caller(String phone, String name) {
    public Caller {
        Objects.requireNonNull(phone, "phone");
        Objects.requireNonNull(name, "name");
    }

    /** A withheld number. */
    public static Caller withheld() {
        return new Caller("", "");
    }
}
