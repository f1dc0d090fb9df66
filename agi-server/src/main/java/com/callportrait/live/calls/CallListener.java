package com.callportrait.live.calls;

/**
 * Told of every change of a live call, on the thread that made the change (AMI dispatch thread,
 * speech worker, AGI event loop): implementations must be thread-safe, quick and non-blocking
 * (hand slow work off). An exception is logged and never reaches the producer.
 */
@FunctionalInterface
public interface CallListener {
    void onChange(CallSnapshot call, CallChange change);
}
