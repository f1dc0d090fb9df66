package com.callportrait.speech.pipeline;

import com.callportrait.speech.asr.Word;
import com.callportrait.speech.conversation.TalkFigures;
import com.callportrait.speech.conversation.TalkTimeline;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Measures talk-over and silence of the calls whose agent leg is tapped, from the word timings of
 * both legs' final transcripts (already on the call's one time line), and reports them to the
 * engine's listeners as {@link ConversationEvent}s: running figures after each final utterance once
 * the agent's leg is up, and the final figures when both legs have ended. The connected window runs
 * from the agent's leg starting to the first leg ending. A call whose agent leg never starts
 * reports nothing.
 *
 * <p>Thread-safe: the two legs of a call run on different recognition workers, so each call's
 * state is guarded by its own monitor; events are sent outside it.
 */
final class ConversationMeter implements SpeechListener {
    private final Listeners out;
    private final double gapSec;
    private final Map<String, Talk> calls = new ConcurrentHashMap<>();

    /** The per-call state; guarded by its own monitor. */
    private static final class Talk {
        final TalkTimeline timeline;
        double agentStart = -1;
        double callerEnd = -1;
        double agentEnd = -1;
        boolean callerSeen;
        double heardTo;

        Talk(double gapSec) {
            timeline = new TalkTimeline(gapSec);
        }
    }

    ConversationMeter(Listeners out, double gapSec) {
        this.out = out;
        this.gapSec = gapSec;
    }

    @Override
    public void onLegStarted(String callId, Speaker speaker, double startSec) {
        Talk t = calls.computeIfAbsent(callId, id -> new Talk(gapSec));
        synchronized (t) {
            if (speaker == Speaker.AGENT) {
                t.agentStart = startSec;
                t.heardTo = Math.max(t.heardTo, startSec);
            } else {
                t.callerSeen = true;
            }
        }
    }

    @Override
    public void onTranscript(TranscriptEvent e) {
        if (!e.isFinal()) {
            return;
        }
        Talk t = calls.get(e.callId());
        if (t == null) {
            return;
        }
        TalkFigures running;
        synchronized (t) {
            for (Word w : e.words()) {
                if (e.speaker() == Speaker.AGENT) {
                    t.timeline.agent(w.startSec(), w.endSec());
                } else {
                    t.timeline.caller(w.startSec(), w.endSec());
                }
            }
            t.heardTo = Math.max(t.heardTo, e.endSec());
            if (t.agentStart < 0) {
                return; // waiting in the queue: no conversation yet
            }
            running = t.timeline.figures(t.agentStart, t.heardTo);
        }
        out.conversation(new ConversationEvent(e.callId(), running, false, Instant.now()));
    }

    @Override
    public void onEmotion(EmotionEvent event) {
    }

    @Override
    public void onLegEnded(String callId, Speaker speaker, double endSec, String reason) {
        Talk t = calls.get(callId);
        if (t == null) {
            return;
        }
        TalkFigures last;
        synchronized (t) {
            if (speaker == Speaker.AGENT) {
                t.agentEnd = endSec;
            } else {
                t.callerEnd = endSec;
            }
            boolean callerDone = !t.callerSeen || t.callerEnd >= 0;
            boolean agentDone = t.agentStart < 0 || t.agentEnd >= 0;
            if (!callerDone || !agentDone) {
                return; // the other leg may still deliver words from inside the window
            }
            calls.remove(callId, t);
            if (t.agentStart < 0) {
                return; // the agent's leg never started: nothing to report
            }
            double end = t.callerEnd >= 0 ? Math.min(t.callerEnd, t.agentEnd) : t.agentEnd;
            last = t.timeline.figures(t.agentStart, end);
        }
        out.conversation(new ConversationEvent(callId, last, true, Instant.now()));
    }

    /** Calls being measured (tests check nothing leaks). */
    int open() {
        return calls.size();
    }
}
