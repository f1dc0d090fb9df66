package com.callportrait.portrait.engine;

/**
 * Progress hooks of a batch build, e.g. for a progress bar. Called from the build's threads; an
 * implementation must be thread-safe and fast (no I/O on every call).
 */
public interface BuildListener {
    /** A phase starts; {@code total} is the expected number of steps, or -1 when unknown. */
    default void phase(String name, long total) { }

    /** {@code done} steps of the current phase are complete. */
    default void progress(long done) { }

    /** A phase ended. */
    default void phaseDone(String name, long millis) { }

    BuildListener NONE = new BuildListener() { };
}
