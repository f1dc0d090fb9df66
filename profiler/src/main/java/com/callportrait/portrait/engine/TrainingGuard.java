package com.callportrait.portrait.engine;

import io.netty.util.concurrent.FastThreadLocalThread;

/**
 * Refuses to train on a thread that must never block: a Netty event loop (FastAGI, HTTP, Lettuce's
 * I/O; Netty's thread factory makes every event-loop thread a {@link FastThreadLocalThread}) or the
 * speech recognition pool ({@code cp-asr-*}). Training takes seconds to minutes of CPU; on one of
 * those threads it would stall every call the thread serves. Stateless; thread-safe.
 */
public final class TrainingGuard {
    /** Name prefix of the speech recognition workers. */
    static final String SPEECH_POOL = "cp-asr-";

    private TrainingGuard() {
    }

    /** @throws IllegalStateException when the calling thread is an event loop or a speech worker */
    public static void check() {
        Thread t = Thread.currentThread();
        if (forbidden(t)) {
            throw new IllegalStateException("model training refused on thread " + t.getName()
                    + ": it is an event loop or a speech worker; training runs on its own background thread");
        }
    }

    /** Whether {@code t} is a thread training must never run on. */
    public static boolean forbidden(Thread t) {
        return t instanceof FastThreadLocalThread || t.getName().startsWith(SPEECH_POOL);
    }
}
