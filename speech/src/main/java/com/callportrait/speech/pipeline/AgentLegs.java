package com.callportrait.speech.pipeline;

import com.callportrait.speech.audiosocket.AudioSocketFrame;
import com.callportrait.speech.audiosocket.CallAudioSink;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's policy for agent legs ({@link AgentLegOptions}). On: the {@link ConversationMeter}
 * listens to every call and reports talk-over and silence. Off: an agent stream that arrives anyway
 * (the dialplan taps the agent, the server was not asked to) gets a sink that drops its audio
 * unread by any recogniser, counted in {@code cp_speech_agent_legs_refused_total} and logged once,
 * so the server costs nothing for it and the caller's call is untouched.
 *
 * <p>Thread-safe. Lives as long as its engine.
 */
final class AgentLegs {
    private static final Logger log = LoggerFactory.getLogger(AgentLegs.class);

    private final AgentLegOptions options;
    private final Counter refused;
    private final AtomicBoolean warned = new AtomicBoolean();

    AgentLegs(AgentLegOptions options, Listeners listeners, MeterRegistry registry) {
        this.options = options;
        this.refused = Counter.builder("cp.speech.agent_legs.refused")
                .description("agent-leg AudioSocket streams dropped because CP_TAP_AGENT is off on the server")
                .register(registry);
        if (options.enabled()) {
            listeners.add(new ConversationMeter(listeners, options.gapMs() / 1000.0));
            log.info("agent legs are transcribed too (CP_TAP_AGENT=yes): speaker-tagged transcripts, talk-over"
                    + " and silence");
        }
    }

    boolean enabled() {
        return options.enabled();
    }

    /** A sink that drops the agent leg's audio (the option is off). */
    CallAudioSink refuse(CallLeg leg) {
        refused.increment();
        if (warned.compareAndSet(false, true)) {
            log.warn("an agent-leg AudioSocket stream arrived for call {} but CP_TAP_AGENT is off on the server:"
                    + " its audio is dropped (set CP_TAP_AGENT the same in the dialplan and the server);"
                    + " logged once", leg.callId());
        }
        return new CallAudioSink() {
            @Override
            public void audio(AudioSocketFrame.Audio frame) {
            }

            @Override
            public void dtmf(char digit) {
            }

            @Override
            public void end(String reason) {
            }
        };
    }
}
