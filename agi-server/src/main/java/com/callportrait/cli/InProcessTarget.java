package com.callportrait.cli;

import com.callportrait.live.LiveOptions;
import com.callportrait.live.ami.AmiOptions;
import com.callportrait.live.calls.SpeechUpdates;
import com.callportrait.profile.CustomerProfile;
import com.callportrait.profile.PhoneOptions;
import com.callportrait.profile.imports.DemoCustomers;
import com.callportrait.live.TokenService;
import com.callportrait.server.Application;
import com.callportrait.simulator.call.Caller;
import com.callportrait.simulator.call.Mood;
import com.callportrait.simulator.call.ScriptedSpeech;
import com.callportrait.simulator.call.SimulatedAsterisk;
import com.callportrait.simulator.call.Target;
import com.callportrait.speech.emotion.EmotionLabel;
import com.callportrait.speech.emotion.EmotionReading;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Hands an in-process server to the black-box simulator (demo, simulate, soak and the tests that
 * drive the application end to end): its addresses and agent tokens as a {@link Target}, the live
 * settings that point its AMI client at the simulator's endpoint, the seeded demo customers as
 * callers, and the speech seam that takes scripted words when no audio is streamed. The only
 * place where server types meet simulator types. Stateless.
 */
public final class InProcessTarget {
    private InProcessTarget() {
    }

    /** {@code base} with the AMI client logging in to {@code asterisk}'s endpoint. */
    public static LiveOptions liveOptions(LiveOptions base, SimulatedAsterisk asterisk) {
        InetSocketAddress a = asterisk.amiAddress();
        return base.withAmi(Optional.of(AmiOptions.of(a.getHostString(), a.getPort(), SimulatedAsterisk.USER,
                asterisk.secret())));
    }

    /** The running server as the simulator sees it; scripted words go to its live call state. */
    public static Target of(Application stack) {
        TokenService tokens = stack.tokens();
        return new Target(stack.agiAddress(), stack.httpAddress(),
                stack.speech().map(sp -> sp.audioSocketAddress()),
                (agent, ttl) -> tokens.issue(TokenService.Role.AGENT, agent, ttl),
                Optional.of(scripted(stack.calls())));
    }

    /** The bundled demo customers (seeded by the caller) as the simulator's known callers. */
    public static List<Caller> demoCallers(PhoneOptions phones) {
        return DemoCustomers.profiles(phones, Clock.systemUTC()).stream().map(InProcessTarget::caller).toList();
    }

    private static Caller caller(CustomerProfile p) {
        return new Caller(p.phones().isEmpty() ? "" : p.phones().get(0), p.name());
    }

    /** The simulator's scripted utterances delivered through the speech seam, as if recognised. */
    static ScriptedSpeech scripted(SpeechUpdates updates) {
        return new ScriptedSpeech() {
            @Override
            public void transcript(String callId, int utterance, boolean isFinal, String text) {
                updates.transcript(callId, utterance, isFinal, text);
            }

            @Override
            public void emotion(String callId, int utterance, Mood.Emotion e) {
                updates.emotion(callId, utterance, new EmotionReading(EmotionLabel.valueOf(e.feeling().name()),
                        e.valence(), e.arousal(), e.confidence()));
            }
        };
    }
}
