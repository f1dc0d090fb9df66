package com.callportrait.live;

import com.callportrait.events.CallEvent;
import com.callportrait.events.EventWriter;
import com.callportrait.live.calls.CallChange;
import com.callportrait.live.calls.CallListener;
import com.callportrait.live.calls.CallSnapshot;
import com.callportrait.live.intent.CallIntent;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a {@code type=intent} entry to {@code cp:events} each time a call's live intent takes a
 * topic (the first time, and when it changes): {@code topic}, {@code confidence}, {@code evidence}
 * (the supporting phrases, {@code |}-separated) and {@code utterance} (the one that settled it).
 * Confidence updates of the same topic reach the call state and the pages, not the stream: the
 * stream records decisions, not every utterance's arithmetic.
 *
 * <p>Stateless and thread-safe; only {@link EventWriter#offer}s (never blocks).
 */
public final class IntentEvents implements CallListener {
    private final EventWriter events;

    private IntentEvents(EventWriter events) {
        this.events = events;
    }

    /** A listener writing to {@code events}; register it on the call registry. */
    public static IntentEvents to(EventWriter events) {
        return new IntentEvents(events);
    }

    @Override
    public void onChange(CallSnapshot c, CallChange change) {
        if (change != CallChange.INTENT || c.intent().isEmpty() || !c.intent().get().isNew()) {
            return;
        }
        CallIntent i = c.intent().get();
        Map<String, String> f = new LinkedHashMap<>();
        f.put("topic", i.topic());
        f.put("confidence", String.format(Locale.ROOT, "%.3f", i.confidence()));
        f.put("evidence", String.join("|", i.evidence()));
        f.put("utterance", Integer.toString(i.utterance()));
        f.put("state", c.state().wireName());
        events.offer(new CallEvent("intent", c.callId(), c.uniqueId(), c.phone(), c.transcript().isEmpty()
                ? java.time.Instant.now() : c.transcript().get(c.transcript().size() - 1).at(), f));
    }
}
