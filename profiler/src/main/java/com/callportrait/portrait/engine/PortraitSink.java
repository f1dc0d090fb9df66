package com.callportrait.portrait.engine;

import com.callportrait.portrait.features.CustomerHistory;
import com.callportrait.profile.CustomerProfile;
import java.time.Duration;
import java.util.List;

/**
 * Where a batch build delivers finished customers: each customer's portrait together with the
 * history it was built from, a batch at a time (one partition's customers, in id order). A sink
 * that stores portraits writes {@link Finished#portrait()}; one that keeps durable histories can
 * write {@link Finished#history()} in the same batch, so a build fills both in one pass.
 *
 * <p>Implementations are thread-safe: several build threads call {@link #write} at once. A sink
 * applies backpressure by blocking in {@link #write} while too much is unacknowledged. Lifecycle:
 * any number of {@link #write} calls, then one {@link #finish}.
 */
public interface PortraitSink {
    /** A customer the build is done with; the history is not touched by the build any more. */
    record Finished(CustomerHistory history, CustomerProfile portrait) { }

    /** Hands over a batch; may block until the sink has room. */
    void write(List<Finished> batch);

    /**
     * Waits until everything written is acknowledged, at most {@code timeout}.
     *
     * @throws com.callportrait.portrait.PortraitException when the sink did not drain in time
     */
    void finish(Duration timeout);

    /** Portraits acknowledged so far. */
    long saved();

    /** Portraits refused or failed so far. */
    long failed();

    /**
     * This sink, with {@code before} shown every batch before it is written (what a caller keeps
     * next to the portraits, e.g. the customers' histories in Redis, or gathers over all customers,
     * e.g. the report's customer attributes). Called from several build threads at once: it must be
     * thread-safe, and it may block (backpressure, like {@link #write}).
     */
    default PortraitSink alongside(java.util.function.Consumer<List<Finished>> before) {
        PortraitSink target = this;
        return new PortraitSink() {
            @Override
            public void write(List<Finished> batch) {
                before.accept(batch);
                target.write(batch);
            }

            @Override
            public void finish(Duration timeout) {
                target.finish(timeout);
            }

            @Override
            public long saved() {
                return target.saved();
            }

            @Override
            public long failed() {
                return target.failed();
            }
        };
    }
}
