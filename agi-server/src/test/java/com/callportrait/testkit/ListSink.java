package com.callportrait.testkit;

import com.callportrait.events.CallEvent;
import com.callportrait.events.EventSink;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

/** An {@link EventSink} keeping events in a list (unit tests; the Redis sink is tested against Redis). Thread-safe. */
public final class ListSink implements EventSink {
    public final List<CallEvent> events = new CopyOnWriteArrayList<>();

    @Override
    public CompletionStage<List<CallEvent>> append(List<CallEvent> batch) {
        events.addAll(batch);
        return CompletableFuture.completedFuture(List.of());
    }

    public List<CallEvent> ofType(String type) {
        return events.stream().filter(e -> e.type().equals(type)).toList();
    }
}
