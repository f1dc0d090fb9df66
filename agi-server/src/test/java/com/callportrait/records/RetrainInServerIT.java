package com.callportrait.records;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.callportrait.common.config.Env;
import com.callportrait.events.EventWriter;
import com.callportrait.live.calls.CallChange;
import com.callportrait.live.calls.CallRegistry;
import com.callportrait.live.calls.CallSnapshot;
import com.callportrait.live.calls.RoutedCall;
import com.callportrait.portrait.collect.BillRecord;
import com.callportrait.portrait.collect.ComplaintRecord;
import com.callportrait.portrait.collect.CustomerRecord;
import com.callportrait.portrait.collect.EnrichmentRecord;
import com.callportrait.portrait.collect.InteractionRecord;
import com.callportrait.portrait.collect.RecordSink;
import com.callportrait.portrait.collect.TicketRecord;
import com.callportrait.portrait.engine.ModelMaintainer;
import com.callportrait.portrait.engine.ModelRegistry;
import com.callportrait.portrait.engine.ModelTraining;
import com.callportrait.portrait.engine.ShuffledLabels;
import com.callportrait.portrait.engine.ModelVersion;
import com.callportrait.portrait.engine.PortraitConfig;
import com.callportrait.portrait.engine.TrainingGuard;
import com.callportrait.portrait.gen.DatasetWriter;
import com.callportrait.portrait.gen.GeneratorOptions;
import com.callportrait.portrait.gen.SyntheticSource;
import com.callportrait.portrait.retrain.RetrainOptions;
import com.callportrait.portrait.retrain.RetrainScheduler;
import com.callportrait.profile.CustomerProfile;
import com.callportrait.screenpop.FeedbackRecorder;
import com.callportrait.server.AppOptions;
import com.callportrait.server.RedisBackend;
import com.callportrait.testkit.ListSink;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Retraining in a running server, end to end through the real record path (live call state and
 * feedback → spool → interaction stream in Redis → consumer group → live updater): a server that
 * starts with this centre's CRM and call history ({@code CP_FRESH_DATA}) but no models takes calls
 * with surveys and dispositions; below {@code CP_RETRAIN_MIN_NEW} nothing trains, at the threshold
 * the background thread trains, the gate accepts, the versions are promoted and published, and the
 * next caller's stored portrait names them. A later candidate that is worse (its risk model refitted
 * on shuffled labels) is refused, logged and kept in the registry as refused. Every training ran on
 * the retrain thread, never on an event loop or the speech pool.
 */
class RetrainInServerIT {
    private static final int MIN_NEW = 12;

    @Test
    void aServerWithoutModelsRetrainsOnItsRecordsPromotesAndRefusesAWorseCandidate(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        List<CustomerRecord> callers = export(data);
        AppOptions o = AppOptions.from(Env.of(Map.of())).withRedis(Optional.empty(), 0).withPorts(0, 0, 0)
                .withDataDir(dir);
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        CallRegistry calls = CallRegistry.create(Clock.systemUTC(), Duration.ofMinutes(10));
        EventWriter events = EventWriter.create(new ListSink(), 1000, meters).start();
        FeedbackRecorder feedback = FeedbackRecorder.create(events, calls);
        Map<String, CallSnapshot> last = new ConcurrentHashMap<>();
        calls.addListener((c, change) -> last.put(c.callId(), c));
        PortraitConfig config = PortraitConfig.load();
        RetrainOptions retrain = RetrainOptions.builder().minNew(MIN_NEW).interval(Duration.ofDays(1))
                .check(Duration.ofMillis(200)).cpuShare(0.5).maxCustomers(2000).lease(Duration.ofSeconds(10)).build();
        List<String> trainingThreads = new CopyOnWriteArrayList<>();
        AtomicBoolean worse = new AtomicBoolean();
        Logger schedulerLog = (Logger) LoggerFactory.getLogger(RetrainScheduler.class);
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        schedulerLog.addAppender(logs);
        Path models = dir.resolve("models");
        try (RedisBackend redis = RedisBackend.open(o, RedisBackend.Embedded.START_ANY_PORT);
             ProfileFreshness fresh = ProfileFreshness.start(FreshOptions.builder().data(Optional.of(data)).generate(0)
                             .consumer("it").build(), com.callportrait.records.spool.SpoolOptions.under(dir), config,
                     redis.connector(), redis.store(), calls, feedback, models, meters, Clock.systemUTC(), retrain,
                     "it-1", m -> (at, pacer) -> {
                         Thread t = Thread.currentThread();
                         trainingThreads.add(t.getName() + (TrainingGuard.forbidden(t) ? " (FORBIDDEN)" : ""));
                         ModelTraining.Result r = m.train(at, pacer);
                         return worse.get() ? ShuffledLabels.worse(r) : r;  // a candidate that knows nothing
                     })) {
            assertThat(fresh.awaitReady(Duration.ofMinutes(2))).as("histories loaded").isTrue();
            assertThat(fresh.historiesAtStart()).as("the centre's own customers").isGreaterThan(1000);
            RetrainScheduler scheduler = fresh.retraining().orElseThrow();
            assertThat(scheduler.current()).as("no models: the start-up trained nothing").isNull();

            // below the threshold: portraits without learned parts, nothing trains
            for (int i = 0; i < MIN_NEW - 1; i++) {
                call(calls, feedback, last, callers.get(i), "cp-r-" + i, 4);
            }
            await(() -> updates(meters) >= MIN_NEW - 1);
            Thread.sleep(1_000); // five checks
            assertThat(scheduler.runs()).as("fewer than CP_RETRAIN_MIN_NEW labelled records").isZero();
            CustomerProfile before = redis.store().findById(callers.get(0).customerId()).toCompletableFuture().join()
                    .orElseThrow();
            assertThat(before.unavailable()).containsKey(CustomerProfile.COMPLAINT_RISK);
            assertThat(before.models()).isEmpty();

            // the threshold: trained in the background, gated, promoted, published
            call(calls, feedback, last, callers.get(MIN_NEW - 1), "cp-r-" + (MIN_NEW - 1), 2);
            await(() -> scheduler.lastRun().isPresent());
            RetrainScheduler.Run first = scheduler.lastRun().orElseThrow();
            assertThat(first.error()).isNull();
            assertThat(first.labelled()).isGreaterThanOrEqualTo(MIN_NEW);
            assertThat(first.thread()).isEqualTo(RetrainScheduler.THREAD);
            assertThat(first.outcome().risk().accepted()).isTrue();
            assertThat(first.outcome().segment().accepted()).isTrue();
            assertThat(first.published()).isTrue();
            // churn risk and next contact are trained, gated and named with the others
            Map<String, Integer> promoted = Map.of(ModelMaintainer.RISK, 1, ModelMaintainer.SEGMENT, 1,
                    com.callportrait.portrait.engine.OutlookGate.CHURN, 1,
                    com.callportrait.portrait.engine.OutlookGate.NEXT_CONTACT, 1);
            assertThat(scheduler.current().versions()).isEqualTo(promoted);
            ModelVersion risk = first.outcome().risk();
            assertThat(risk.source()).isEqualTo(ModelVersion.LIVE_RECORDS);
            assertThat(risk.trainedOn().get("customers")).isGreaterThan(1000);
            assertThat(risk.trainedOn().get("positives")).isPositive();
            assertThat(risk.dataFrom()).isBefore(risk.dataTo());
            assertThat(risk.tribuoProvenance()).isNotNull();

            // a later call's portrait is computed with the promoted versions
            CustomerRecord later = callers.get(MIN_NEW);
            call(calls, feedback, last, later, "cp-r-later", 5);
            CustomerProfile after = await(() -> redis.store().findById(later.customerId()).toCompletableFuture().join()
                    .filter(p -> !p.models().isEmpty()).orElse(null));
            assertThat(after.models()).isEqualTo(promoted);
            assertThat(after.unavailable()).isEmpty();
            JsonNode stored = new ObjectMapper().readTree(redis.connector().sync().get("cp:profile:{" + later.customerId()
                    + "}"));
            assertThat(stored.path("models").path("complaint_risk").asInt()).isEqualTo(1);

            // a worse candidate: refused, logged with its metrics, kept as refused; the current model stays
            worse.set(true);
            for (int i = 0; i < MIN_NEW; i++) {
                call(calls, feedback, last, callers.get(MIN_NEW + 1 + i), "cp-w-" + i, 1 + i % 5);
            }
            await(() -> scheduler.runs() == 2 && scheduler.lastRun().orElseThrow() != first);
            RetrainScheduler.Run second = scheduler.lastRun().orElseThrow();
            assertThat(second.error()).isNull();
            assertThat(second.outcome().risk().status()).isEqualTo("refused");
            assertThat(second.outcome().risk().candidate()).isLessThan(second.outcome().risk().incumbent());
            assertThat(scheduler.current().riskVersion()).isEqualTo(1);
            assertThat(new ModelRegistry(models, 0).versions(ModelMaintainer.RISK))
                    .extracting(ModelVersion::status, ModelVersion::source)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("accepted", ModelVersion.LIVE_RECORDS),
                            org.assertj.core.groups.Tuple.tuple("refused", ModelVersion.LIVE_RECORDS));
            assertThat(logs.list).anySatisfy(e -> assertThat(e.getFormattedMessage())
                    .contains("refused by the gate").contains("complaint_risk v2").contains("auc"));

            // nothing trained on an event loop or the speech pool
            assertThat(trainingThreads).containsExactly(RetrainScheduler.THREAD, RetrainScheduler.THREAD);

            // 'profile models --json' lists each version with its source, window, counts, metrics and gate decision
            java.io.StringWriter out = new java.io.StringWriter();
            assertThat(com.callportrait.cli.Main.run(Env.of(Map.of("CP_DATA_DIR", dir.toString())),
                    new java.io.PrintWriter(out, true), new java.io.PrintWriter(new java.io.StringWriter(), true),
                    "profile", "models", "--json")).isZero();
            JsonNode listed = new ObjectMapper().readTree(out.toString());
            JsonNode refused = listed.path("models").path("complaint_risk").get(1);
            assertThat(refused.path("status").asText()).isEqualTo("refused");
            assertThat(refused.path("source").asText()).isEqualTo("live-records");
            assertThat(refused.path("gateMetric").asText()).isEqualTo("auc");
            assertThat(refused.path("metrics").has("auc")).isTrue();
            assertThat(refused.path("trainedOn").path("positives").asLong()).isPositive();
            assertThat(refused.path("dataFrom").asText()).isNotEmpty();
            assertThat(refused.path("tribuoProvenance").toString()).contains("LinearSGDTrainer");
            assertThat(listed.path("models").path("segment").size()).isEqualTo(2);
        } finally {
            schedulerLog.detachAppender(logs);
            events.close(Duration.ofSeconds(1));
        }
    }

    /** One answered call with the agent's disposition and the caller's survey, through the live call state. */
    private static void call(CallRegistry calls, FeedbackRecorder feedback, Map<String, CallSnapshot> last,
                             CustomerRecord c, String id, int survey) {
        calls.routed(new RoutedCall(id, "PJSIP/trunk-" + id, id + ".1", c.phone(), c.name(), "support", 0, "unassigned",
                false, "default", Optional.empty()));
        calls.update(id, false, CallChange.QUEUED, v -> v.queue("support", 1, Instant.now()));
        calls.update(id, false, CallChange.CONNECTED, v -> v.agent("agent1").connected(Instant.now()));
        calls.transcript(id, 1, true, "my bill is wrong this month i was charged twice on the invoice");
        assertThat(feedback.disposition("agent1", id, Optional.ofNullable(last.get(id)), "resolved",
                "refunded the double charge")).isTrue();
        feedback.survey(id, id + ".1", c.phone(), survey);
        calls.ended(id, "hangup");
    }

    /** This centre's history as its CRM and PBX export it: a year up to today, 1,500 customers. */
    private static List<CustomerRecord> export(Path data) {
        List<CustomerRecord> callers = new ArrayList<>();
        GeneratorOptions g = GeneratorOptions.builder().seed(23).customers(1500).interactions(15_000)
                .end(Instant.now().truncatedTo(ChronoUnit.DAYS)).build();
        try (DatasetWriter w = new DatasetWriter(data, PortraitConfig.load().zone())) {
            new SyntheticSource(g).readInto(new RecordSink() {
                @Override public void customer(CustomerRecord r) {
                    w.customer(r);
                    if (r.phone() != null && callers.size() < 40) {
                        callers.add(r);
                    }
                }
                @Override public void bill(BillRecord r) { w.bill(r); }
                @Override public void complaint(ComplaintRecord r) { w.complaint(r); }
                @Override public void ticket(TicketRecord r) { w.ticket(r); }
                @Override public void enrichment(EnrichmentRecord r) { w.enrichment(r); }
                @Override public void interaction(InteractionRecord r) { w.interaction(r); }
            });
        }
        return callers;
    }


    private static double updates(SimpleMeterRegistry meters) {
        return meters.counter("cp.profile.updates").count();
    }

    private static void await(BooleanSupplier done) throws InterruptedException {
        await(() -> done.getAsBoolean() ? Boolean.TRUE : null);
    }

    private static <T> T await(java.util.function.Supplier<T> read) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        T v = read.get();
        while (v == null) {
            assertThat(System.nanoTime()).as("condition reached within 120 s").isLessThan(deadline);
            Thread.sleep(100);
            v = read.get();
        }
        return v;
    }
}
