package com.callportrait.portrait.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.callportrait.profile.CustomerProfile;
import com.callportrait.portrait.collect.InteractionRecord;
import com.callportrait.portrait.collect.RecordSink;
import com.callportrait.portrait.collect.Source;
import com.callportrait.portrait.gen.GeneratorOptions;
import com.callportrait.portrait.gen.SyntheticSource;
import com.callportrait.profile.memory.InMemoryProfileStore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LiveUpdaterTest {
    private static final Instant LATER = EngineFixture.AS_OF.plusSeconds(2 * 86_400);

    private static InteractionRecord newCall(String id, String phone, Instant at, String text, String emotion) {
        return new InteractionRecord(id, null, phone, "voice", at, "technical", "agent-07", 400, 600, "unresolved",
                1, emotion, null, text);
    }

    @Test
    void anIncrementalUpdateGivesTheSamePortraitAsAFullRebuild() {
        BatchBuild.Result base = EngineFixture.build();
        ModelBundle models = base.models();
        PortraitConfig config = PortraitConfig.load();
        // two new calls after the build, attributed by phone only (as a live call is)
        String phone = base.histories().get("C0000007").orElseThrow().phone();
        List<InteractionRecord> calls = List.of(
                newCall("live-1", "+" + phone, EngineFixture.AS_OF.plusSeconds(3600),
                        "caller: the power has been out since this morning i am really frustrated", null),
                newCall("live-2", phone, EngineFixture.AS_OF.plusSeconds(86_400),
                        "caller: i want to make a formal complaint the outage is still going", "angry"));

        // incremental: start from the batch histories, apply the calls one by one
        InMemoryProfileStore live = InMemoryProfileStore.create();
        BatchBuild.Result incremental = new BatchBuild(config, InMemoryProfileStore.create(), 50_000, 2)
                .run(List.of(new SyntheticSource(EngineFixture.DATA)), EngineFixture.AS_OF, models, BuildListener.NONE, null);
        LiveUpdater updater = new LiveUpdater(config, incremental.histories(), live, () -> models,
                Clock.fixed(LATER, ZoneOffset.UTC), null);
        CustomerProfile before = incremental.sample().get("C0000007");
        Optional<CustomerProfile> afterFirst = updater.onInteraction(calls.get(0)).toCompletableFuture().join();
        Optional<CustomerProfile> afterBoth = updater.onInteraction(calls.get(1)).toCompletableFuture().join();
        assertThat(afterFirst).isPresent();
        // a duplicate delivery of the same call changes nothing
        assertThat(updater.onInteraction(calls.get(1)).toCompletableFuture().join()).contains(afterBoth.get());

        // full rebuild from every record (old and new) with the same models, as of the same moment
        Source withCalls = new Source() {
            @Override public String name() { return "generated-plus-live"; }

            @Override public long readInto(RecordSink sink) {
                long n = new SyntheticSource(EngineFixture.DATA).readInto(sink);
                calls.forEach(sink::interaction);
                return n + calls.size();
            }
        };
        BatchBuild.Result full = new BatchBuild(config, InMemoryProfileStore.create(), 50_000, 2)
                .run(List.of(withCalls), LATER, models, BuildListener.NONE, null);
        CustomerProfile rebuilt = full.sample().get("C0000007");

        assertThat(afterBoth.get()).isEqualTo(rebuilt);
        assertThat(afterBoth.get().lastTopics().get(0).topic()).isEqualTo("complaint");
        assertThat(afterBoth.get().lastTopics().get(1).topic()).isEqualTo("outage");
        assertThat(afterBoth.get()).isNotEqualTo(before);
        assertThat(live.findByPhone(phone).toCompletableFuture().join()).contains(afterBoth.get());
    }

    @Test
    void aCallFromAnUnknownNumberChangesNothing() {
        BatchBuild.Result base = EngineFixture.build();
        LiveUpdater updater = new LiveUpdater(PortraitConfig.load(), base.histories(), InMemoryProfileStore.create(),
                base::models, Clock.fixed(LATER, ZoneOffset.UTC), null);
        assertThat(updater.onInteraction(newCall("x", "+44 20 7946 0000", LATER, "caller: hello", null))
                .toCompletableFuture().join()).isEmpty();
        assertThat(updater.report().get("unmatched.interaction")).isEqualTo(1);
    }

    @Test
    void feedbackAfterTheCallSetsItsOutcomeAndSurveyOnce() {
        BatchBuild.Result base = EngineFixture.build();
        ModelBundle models = base.models();
        BatchBuild.Result mine = new BatchBuild(PortraitConfig.load(), InMemoryProfileStore.create(), 50_000, 2)
                .run(List.of(new SyntheticSource(EngineFixture.DATA)), EngineFixture.AS_OF, models, BuildListener.NONE, null);
        LiveUpdater updater = new LiveUpdater(PortraitConfig.load(), mine.histories(), InMemoryProfileStore.create(),
                () -> models, Clock.fixed(LATER, ZoneOffset.UTC), null);
        String phone = mine.histories().get("C0000011").orElseThrow().phone();
        InteractionRecord call = new InteractionRecord("fb-1", null, phone, "voice", LATER.minusSeconds(600), "billing",
                "agent-01", 20, 300, null, null, null, null, "caller: my bill is wrong this month");
        CustomerProfile afterCall = updater.onInteraction(call).toCompletableFuture().join().orElseThrow();
        assertThat(afterCall.lastTopics().get(0).outcome()).isEqualTo("unknown");

        var feedback = new com.callportrait.portrait.collect.FeedbackRecord("fb-1", null, phone, 2, "resolved", LATER);
        CustomerProfile afterFeedback = updater.onFeedback(feedback).toCompletableFuture().join().orElseThrow();
        assertThat(afterFeedback.lastTopics().get(0).topic()).isEqualTo("billing");
        assertThat(afterFeedback.lastTopics().get(0).outcome()).isEqualTo("resolved");
        // delivered twice: the same portrait, nothing counted twice
        assertThat(updater.onFeedback(feedback).toCompletableFuture().join()).contains(afterFeedback);
        // feedback for a call never recorded is counted, not applied
        assertThat(updater.onFeedback(new com.callportrait.portrait.collect.FeedbackRecord("nope", null, phone, 5, null,
                LATER)).toCompletableFuture().join()).isEmpty();
        assertThat(updater.report().get("unmatched.feedback")).isEqualTo(1L);
    }
}
