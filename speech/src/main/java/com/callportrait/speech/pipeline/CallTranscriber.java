package com.callportrait.speech.pipeline;

import com.callportrait.speech.asr.CallMailbox;
import com.callportrait.speech.audiosocket.AudioSocketFrame;
import com.callportrait.speech.audiosocket.CallAudioSink;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live transcription of one call. The producer side ({@link #audio}, {@link #dtmf},
 * {@link #end}) is called from the AudioSocket event loop and never blocks: frames go into the
 * call's bounded mailbox, and when it is full (the pool is overloaded) the frame is shed and
 * counted. The work itself runs serially on the recognition pool in {@link CallWorker}.
 *
 * <p>Thread-safe for producers. Lifecycle: opened by {@link SpeechEngine#openCall}, ended once by
 * {@link #end}; after that further audio is ignored.
 */
public final class CallTranscriber implements CallAudioSink {
    private static final Logger log = LoggerFactory.getLogger(CallTranscriber.class);

    /** Work for the call's worker, in arrival order. */
    sealed interface Item permits AudioItem, DtmfItem, EndItem {
    }

    record AudioItem(AudioSocketFrame.Audio frame, long arrivalNanos, boolean afterShed) implements Item {
    }

    record DtmfItem(char digit) implements Item {
    }

    record EndItem(String reason) implements Item {
    }

    private final String callId;
    private final CallLeg leg;
    private final long startNanos = System.nanoTime();
    private final SpeechEngine engine;
    private final CallMailbox<Item> mailbox;
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile boolean ended;
    private boolean shedSinceLast; // producer side only (one event loop per session)

    CallTranscriber(String callId, SpeechEngine engine) {
        this(CallLeg.caller(callId), 0, engine);
    }

    /** @param startSec where this leg starts on the call's time line (the agent's leg starts later) */
    CallTranscriber(CallLeg leg, double startSec, SpeechEngine engine) {
        this.callId = leg.callId();
        this.leg = leg;
        this.engine = engine;
        CallWorker worker = new CallWorker(leg, startSec, engine, this);
        this.mailbox = engine.pool().mailbox(engine.options().queueFrames(), worker::handle,
                e -> log.error("call {}: recognition failed on one frame", callId, e));
    }

    public String callId() {
        return callId;
    }

    /** Which call and whose voice this transcriber hears. */
    public CallLeg leg() {
        return leg;
    }

    /** When this leg opened ({@link System#nanoTime()}): the agent's leg is placed on the call's time line by it. */
    long startNanos() {
        return startNanos;
    }

    @Override
    public void audio(AudioSocketFrame.Audio frame) {
        if (ended) {
            return;
        }
        engine.metrics().frameReceived();
        if (mailbox.offer(new AudioItem(frame, System.nanoTime(), shedSinceLast))) {
            shedSinceLast = false;
        } else {
            shedSinceLast = true;
            engine.metrics().frameShed();
        }
    }

    @Override
    public void dtmf(char digit) {
        if (!ended) {
            mailbox.offer(new DtmfItem(digit));
        }
    }

    @Override
    public void end(String reason) {
        if (!ended) {
            ended = true;
            mailbox.offerAlways(new EndItem(reason));
        }
    }

    /** Frames waiting for the worker. */
    public int backlog() {
        return mailbox.backlog();
    }

    /**
     * How far recognition is behind this call's audio: the age of the oldest frame still waiting
     * for the worker at {@code nowNanos} ({@link System#nanoTime()}), 0 when nothing waits.
     */
    public long lagNanos(long nowNanos) {
        Item oldest = mailbox.oldest();
        return oldest instanceof AudioItem a ? Math.max(0, nowNanos - a.arrivalNanos()) : 0;
    }

    /** Waits until the end of the call has been processed (its last utterance delivered). */
    public boolean awaitFinished(long timeout, TimeUnit unit) throws InterruptedException {
        return finished.await(timeout, unit);
    }

    boolean isEnded() {
        return ended;
    }

    void markFinished() {
        finished.countDown();
        engine.forget(this);
    }
}
