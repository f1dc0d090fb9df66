package com.callportrait.events;

import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * Where the {@link EventWriter} appends batches: Redis ({@link RedisStreamSink}) in production.
 * Implementations are thread-safe and asynchronous.
 */
public interface EventSink {
    /**
     * Appends the events in order. Completes with the events that were NOT stored (empty when
     * all were), so a retry never writes an acknowledged event twice; completes exceptionally
     * only when nothing could be attempted.
     */
    CompletionStage<List<CallEvent>> append(List<CallEvent> batch);
}
