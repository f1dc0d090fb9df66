package com.callportrait.records;

import static org.assertj.core.api.Assertions.assertThat;

import com.callportrait.common.config.Env;
import com.callportrait.events.EventWriter;
import com.callportrait.live.calls.CallChange;
import com.callportrait.live.calls.CallRegistry;
import com.callportrait.live.calls.CallSnapshot;
import com.callportrait.live.calls.RoutedCall;
import com.callportrait.profile.CustomerProfile;
import com.callportrait.profile.Tier;
import com.callportrait.portrait.engine.PortraitConfig;
import com.callportrait.screenpop.FeedbackRecorder;
import com.callportrait.server.AppOptions;
import com.callportrait.server.RedisBackend;
import com.callportrait.testkit.ListSink;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
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

/**
 * A server as {@code serve} starts it on a fresh data directory: no models, no data directory, no
 * generated customers. An imported customer calls; after the call their stored portrait has its
 * rule-based parts, says which learned parts are not available yet, and shows how the problem was
 * solved (the agent's note, redacted).
 */
class UntrainedPortraitIT {

    @Test
    void withoutModelsNothingIsGeneratedAndPortraitsSayWhatIsNotAvailableYet(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        AppOptions o = AppOptions.from(Env.of(Map.of())).withRedis(Optional.empty(), 0).withPorts(0, 0, 0)
                .withDataDir(dir);
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        CallRegistry calls = CallRegistry.create(Clock.systemUTC(), Duration.ofMinutes(10));
        EventWriter events = EventWriter.create(new ListSink(), 100, meters).start();
        FeedbackRecorder feedback = FeedbackRecorder.create(events, calls);
        AtomicReference<CallSnapshot> last = new AtomicReference<>();
        calls.addListener((c, change) -> last.set(c));
        PortraitConfig config = PortraitConfig.load();
        String phone = config.normalisePhone("+1 555 123 0007");
        // as 'profile import' leaves a customer: attributes only, never built by the engine
        CustomerProfile imported = new CustomerProfile("K7", "Kim Doe", List.of(phone), Tier.GOLD, "en", null, 900,
                0, 0, 0, List.of(), List.of(), List.of(), Instant.parse("2026-11-01T00:00:00Z"));
        try (RedisBackend redis = RedisBackend.open(o, RedisBackend.Embedded.START_ANY_PORT);
             ProfileFreshness fresh = ProfileFreshness.start(FreshOptions.defaults().withGenerate(0),
                     com.callportrait.records.spool.SpoolOptions.under(dir), config, redis.connector(), redis.store(),
                     calls, feedback, dir.resolve("models"), meters, Clock.systemUTC())) {
            redis.store().save(imported).toCompletableFuture().join();
            assertThat(fresh.awaitReady(Duration.ofMinutes(1))).as("consumer runs without models").isTrue();
            assertThat(fresh.historiesAtStart()).as("no generated (or any) histories loaded").isZero();

            calls.routed(new RoutedCall("cp-u-1", "PJSIP/trunk-00000001", "1795339360.19", phone, "Kim",
                    "support", 0, "unassigned", false, "default", Optional.of(imported)));
            calls.update("cp-u-1", false, CallChange.QUEUED, v -> v.queue("support", 1, Instant.now()));
            calls.update("cp-u-1", false, CallChange.CONNECTED, v -> v.agent("agent1").connected(Instant.now()));
            calls.transcript("cp-u-1", 1, true, "my bill is wrong this month i was charged twice on the invoice");
            // the agent notes how it was solved before the hangup, pasting the card number
            assertThat(feedback.disposition("agent1", "cp-u-1", Optional.of(last.get()), "resolved",
                    "refunded the double charge to card 4111 1111 1111 1111")).isTrue();
            calls.ended("cp-u-1", "hangup");

            CustomerProfile after = waitFor(() -> redis.store().findById("K7").toCompletableFuture().join(),
                    p -> p.isPresent() && !p.get().lastTopics().isEmpty()).get();
            assertThat(after.unavailable()).containsOnlyKeys(CustomerProfile.SEGMENT, CustomerProfile.COMPLAINT_RISK,
                    CustomerProfile.VALUE_SCORE, CustomerProfile.CHURN_RISK, CustomerProfile.NEXT_CONTACT)
                    .containsValue(CustomerProfile.NO_MODEL_YET);
            assertThat(after.lastTopics().get(0).topic()).isEqualTo("billing");
            assertThat(after.lastTopics().get(0).outcome()).isEqualTo("resolved");
            assertThat(after.lastTopics().get(0).resolution()).startsWith("refunded the double charge")
                    .doesNotContain("4111 1111 1111 1111");
            assertThat(after.loyaltyScore()).isGreaterThan(0);
            assertThat(after.nextBestAction()).isNotEmpty();

            JsonNode stored = new ObjectMapper().readTree(redis.connector().sync().get("cp:profile:{K7}"));
            assertThat(stored.get("segment").isNull()).isTrue();
            assertThat(stored.get("complaintRisk").isNull()).isTrue();
            assertThat(stored.path("unavailable").path("segment").asText()).isEqualTo("no model yet");
            // nothing was trained or registered
            assertThat(!Files.exists(dir.resolve("models")) || Files.list(dir.resolve("models")).findAny().isEmpty())
                    .isTrue();
        } finally {
            events.close(Duration.ofSeconds(1));
        }
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
