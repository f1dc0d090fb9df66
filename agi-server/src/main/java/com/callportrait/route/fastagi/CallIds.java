package com.callportrait.route.fastagi;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * New call ids ({@code CP_UUID}): random version-4 UUIDs. They correlate a call's events, logs
 * and records; they grant nothing (page tokens are signed separately), so they come from the
 * thread's own generator rather than {@link UUID#randomUUID()}, whose shared {@code SecureRandom}
 * reads the kernel's entropy pool under a lock on every call. Stateless and thread-safe.
 */
public final class CallIds {
    private CallIds() {
    }

    /** A random version-4, IETF-variant UUID in its 36-character text form. */
    public static String next() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        long hi = (r.nextLong() & ~0xF000L) | 0x4000L;
        long lo = (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(hi, lo).toString();
    }
}
