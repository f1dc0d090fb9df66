package com.callportrait.records;

import static org.assertj.core.api.Assertions.assertThat;

import com.callportrait.common.config.Env;
import com.callportrait.events.EventWriter;
import com.callportrait.live.calls.CallChange;
import com.callportrait.live.calls.CallRegistry;
import com.callportrait.live.calls.CallSnapshot;
import com.callportrait.live.calls.RoutedCall;
import com.callportrait.profile.CustomerProfile;
import com.callportrait.profile.TopicOutcome;
import com.callportrait.portrait.collect.CustomerRecord;
import com.callportrait.portrait.collect.InteractionJson;
import com.callportrait.portrait.collect.InteractionStream;
import com.callportrait.portrait.collect.RecordSink;
import com.callportrait.portrait.engine.PortraitConfig;
import com.callportrait.portrait.gen.GeneratorOptions;
import com.callportrait.portrait.gen.SyntheticSource;
import com.callportrait.screenpop.FeedbackRecorder;
import com.callportrait.server.AppOptions;
import com.callportrait.server.RedisBackend;
import com.callportrait.testkit.ListSink;
import io.lettuce.core.StreamMessage;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A live call ends → one interaction record on the real (embedded) Redis stream → the consumer
 * updates that customer's stored portrait; the agent's disposition after the hangup flows in as
 * feedback; a duplicate delivery of the record changes nothing.
 */
class ProfileFreshnessIT {
    private static final String KEY = InteractionStream.key(0);

    @Test
    void anEndedCallUpdatesTheCustomersPortraitOnceAndFeedbackFollows(@TempDir Path dir) throws Exception {
        AppOptions o = AppOptions.from(Env.of(Map.of())).withRedis(Optional.empty(), 0).withPorts(0, 0, 0)
                .withDataDir(dir);
        // a customer of the generated data the process loads its histories from
        GeneratorOptions data = GeneratorOptions.of(42, 300, 3_000);
        AtomicReference<CustomerRecord> customer = new AtomicReference<>();
        new SyntheticSource(data).readInto(new RecordSink() {
            @Override
            public void customer(CustomerRecord r) {
                customer.compareAndSet(null, r);
            }
        });
        String id = customer.get().customerId();
        String phone = PortraitConfig.load().normalisePhone(customer.get().phone());
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        CallRegistry calls = CallRegistry.create(Clock.systemUTC(), Duration.ofMinutes(10));
        EventWriter events = EventWriter.create(new ListSink(), 100, meters).start();
        FeedbackRecorder feedback = FeedbackRecorder.create(events, calls);
        AtomicReference<CallSnapshot> last = new AtomicReference<>();
        calls.addListener((c, change) -> last.set(c));
        try (RedisBackend redis = RedisBackend.open(o, RedisBackend.Embedded.START_ANY_PORT);
             ProfileFreshness fresh = ProfileFreshness.start(new FreshOptions(true, Optional.empty(), 300, 1, "it", FreshOptions.DEFAULT_RETENTION),
                     com.callportrait.records.spool.SpoolOptions.under(dir), PortraitConfig.load(), redis.connector(), redis.store(), calls, feedback, dir.resolve("models"), meters,
                     Clock.systemUTC())) {
            assertThat(fresh.awaitReady(Duration.ofMinutes(3))).as("histories and models loaded").isTrue();
            assertThat(redis.store().findById(id).toCompletableFuture().join()).isEmpty();

            // one call: routed, queued, answered, the caller speaks, hangs up
            Instant start = Instant.now();
            calls.routed(new RoutedCall("cp-uuid-1", "PJSIP/trunk-00000001", "1795339360.19", phone, "Caller",
                    "support", 5, "ordinary", false, "default", Optional.empty()));
            calls.update("cp-uuid-1", false, CallChange.QUEUED, v -> v.queue("support", 1, Instant.now()));
            calls.update("cp-uuid-1", false, CallChange.CONNECTED, v -> v.agent("agent1").connected(Instant.now()));
            calls.transcript("cp-uuid-1", 1, true, "my bill is wrong this month i was charged twice on the invoice");
            calls.ended("cp-uuid-1", "hangup");

            List<StreamMessage<String, String>> entries = waitFor(
                    () -> redis.connector().sync().xrange(KEY, io.lettuce.core.Range.create("-", "+")),
                    l -> l.size() == 1);
            var record = InteractionJson.decode(entries.get(0).getBody().get("json"));
            assertThat(record.interactionId()).isEqualTo("cp-uuid-1");
            assertThat(record.phone()).isEqualTo(phone);
            assertThat(record.queue()).isEqualTo("support");
            assertThat(record.agent()).isEqualTo("agent1");
            assertThat(record.transcript()).contains("charged twice");

            CustomerProfile afterCall = waitFor(() -> redis.store().findById(id).toCompletableFuture().join(),
                    p -> p.isPresent() && newest(p.get()).topic().equals("billing")).get();
            assertThat(newest(afterCall).at()).isEqualTo(start.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
            assertThat(newest(afterCall).outcome()).isEqualTo("unknown");
            // the demo's path: models trained at start on its generated customers, so nothing is missing
            assertThat(afterCall.unavailable()).isEmpty();
            assertThat(afterCall.segment()).isNotEqualTo(CustomerProfile.UNASSIGNED);
            assertThat(fresh.historiesAtStart()).isEqualTo(300);

            // the agent's disposition arrives after the hangup: feedback linked by the call id
            assertThat(feedback.disposition("agent1", "cp-uuid-1", Optional.of(last.get()), "resolved", "")).isTrue();
            CustomerProfile afterFeedback = waitFor(() -> redis.store().findById(id).toCompletableFuture().join(),
                    p -> newest(p.get()).outcome().equals("resolved")).get();
            assertThat(redis.connector().sync().xlen(KEY)).isEqualTo(2);

            // the same record delivered again: one more save, but the contact is not counted twice
            double updates = meters.get("cp.profile.updates").counter().count();
            redis.connector().sync().xadd(KEY, entries.get(0).getBody());
            waitFor(() -> meters.get("cp.profile.updates").counter().count(), n -> n > updates);
            CustomerProfile afterDuplicate = redis.store().findById(id).toCompletableFuture().join().orElseThrow();
            assertThat(afterDuplicate.lastTopics()).isEqualTo(afterFeedback.lastTopics());
            assertThat(afterDuplicate.tags()).isEqualTo(afterFeedback.tags());
            assertThat(meters.get("cp.profile.update.latency").timer().count()).isEqualTo(3);
            assertThat(redis.connector().sync().xpending(KEY, FreshOptions.GROUP).getCount()).isZero();
        } finally {
            events.close(Duration.ofSeconds(1));
        }
    }

    private static TopicOutcome newest(CustomerProfile p) {
        return p.lastTopics().get(0);
    }

    private static <T> T waitFor(java.util.function.Supplier<T> read, Predicate<T> done) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        T v = read.get();
        while (!done.test(v)) {
            assertThat(System.nanoTime()).as("condition reached within 30 s, last value: %s", v).isLessThan(deadline);
            Thread.sleep(50);
            v = read.get();
        }
        return v;
    }
}
