package com.callportrait.testing;

import com.callportrait.events.CallEvent;
import com.callportrait.events.EventSink;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

/** An event sink that keeps what it receives (unit tests only; the real sink is Redis). */
public final class CollectingSink implements EventSink {
    public final List<CallEvent> events = new CopyOnWriteArrayList<>();

    @Override
    public CompletionStage<List<CallEvent>> append(List<CallEvent> batch) {
        events.addAll(batch);
        return CompletableFuture.completedFuture(List.of());
    }
}
