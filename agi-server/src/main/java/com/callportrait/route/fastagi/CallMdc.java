package com.callportrait.route.fastagi;

import org.slf4j.MDC;

/**
 * Puts a call's ids into the logging MDC ({@code call} = CP_UUID, {@code uniqueid} = Asterisk's)
 * for a try-with-resources block and removes them after. Netty threads serve many calls, so the
 * MDC must never outlive the block. Confined to the thread that opened it (the MDC is
 * thread-local): close it on that thread.
 */
public final class CallMdc implements AutoCloseable {
    private CallMdc() {
    }

    /** Sets the ids; {@code uniqueId} may be null when not known yet. */
    public static CallMdc of(String callId, String uniqueId) {
        MDC.put("call", callId);
        if (uniqueId != null && !uniqueId.isEmpty()) {
            MDC.put("uniqueid", uniqueId);
        }
        return new CallMdc();
    }

    @Override
    public void close() {
        MDC.remove("call");
        MDC.remove("uniqueid");
    }
}
