package com.callportrait.portrait.retrain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.callportrait.portrait.engine.BatchBuild;
import com.callportrait.portrait.engine.BuildListener;
import com.callportrait.portrait.engine.ModelMaintainer;
import com.callportrait.portrait.engine.ModelRegistry;
import com.callportrait.portrait.engine.ModelTraining;
import com.callportrait.portrait.engine.ShuffledLabels;
import com.callportrait.portrait.engine.ModelVersion;
import com.callportrait.portrait.engine.Pacer;
import com.callportrait.portrait.engine.PortraitConfig;
import com.callportrait.portrait.engine.RetrainPolicy;
import com.callportrait.portrait.gen.GeneratorOptions;
import com.callportrait.portrait.gen.SyntheticSource;
import com.callportrait.profile.memory.InMemoryProfileStore;
import com.callportrait.profile.redis.EmbeddedRedis;
import com.callportrait.profile.redis.RedisConnector;
import io.lettuce.core.SetArgs;
import io.netty.channel.DefaultEventLoop;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Retraining between instances on a real Redis: one lease holder at a time (renewed while held,
 * taken over after a crashed holder's lease expires, never extended or deleted by a holder that
 * lost it), one instance trains when the shared counter reaches the threshold and the other picks
 * the promoted versions up without a restart, a worse candidate is refused and kept as refused,
 * and training refuses to run on a Netty event loop.
 */
class RetrainSchedulerIT {
    private static final Instant AS_OF = GeneratorOptions.DEFAULT_END;
    static EmbeddedRedis redis;
    static RedisConnector connector;
    static BatchBuild.Result built;

    @BeforeAll
    static void start() {
        redis = EmbeddedRedis.builder().freePort().dataDir(Path.of("target", "it-redis", UUID.randomUUID().toString()))
                .build().start();
        connector = RedisConnector.connect(redis.options());
        built = new BatchBuild(PortraitConfig.load(), InMemoryProfileStore.create(), 50_000, 2)
                .run(List.of(new SyntheticSource(GeneratorOptions.of(11, 2000, 20_000))), AS_OF, null,
                        BuildListener.NONE, null);
    }

    @AfterAll
    static void stop() {
        connector.close();
        redis.close();
    }

    @BeforeEach
    void clean() {
        connector.sync().del(RetrainLease.KEY, ModelChannel.CURRENT, ModelChannel.LABELLED, ModelChannel.ATTEMPTED);
    }

    @Test
    void oneHolderAtATimeRenewedWhileHeldAndTakenOverAfterExpiry() throws Exception {
        Duration ttl = Duration.ofSeconds(1);
        RetrainLease a = new RetrainLease(connector, "a", ttl);
        RetrainLease b = new RetrainLease(connector, "b", ttl);
        try (RetrainLease.Held held = a.tryAcquire().orElseThrow()) {
            assertThat(b.tryAcquire()).as("held by a").isEmpty();
            Thread.sleep(2_500); // more than two ttls: only the renewals keep it
            assertThat(b.tryAcquire()).as("renewed while a trains").isEmpty();
            assertThat(held.held()).isTrue();
            assertThat(a.holder()).hasValueSatisfying(t -> assertThat(t).startsWith("a:"));
        }
        // released: b takes it at once
        b.tryAcquire().orElseThrow().close();

        // a crashed holder renews nothing: its lease expires and b takes over
        connector.sync().set(RetrainLease.KEY, "crashed:1", SetArgs.Builder.px(ttl.toMillis()));
        assertThat(b.tryAcquire()).as("still the crashed holder's").isEmpty();
        Thread.sleep(ttl.toMillis() + 300);
        try (RetrainLease.Held takenOver = b.tryAcquire().orElseThrow()) {
            assertThat(takenOver.token()).startsWith("b:");
        }

        // a holder whose lease was taken over neither extends nor deletes the new holder's key
        RetrainLease.Held stale = a.tryAcquire().orElseThrow();
        connector.sync().set(RetrainLease.KEY, "b:new");
        assertThat(stale.renew()).isFalse();
        assertThat(stale.held()).isFalse();
        stale.close();
        assertThat(connector.sync().get(RetrainLease.KEY)).isEqualTo("b:new");
    }

    @Test
    void oneInstanceTrainsTheOtherPicksUpAndAWorseCandidateIsRefused(@TempDir Path dir) throws Exception {
        RetrainOptions options = RetrainOptions.builder().minNew(50).interval(Duration.ofDays(1))
                .cpuShare(1.0).check(Duration.ofMillis(200)).lease(Duration.ofSeconds(10)).maxCustomers(2000).build();
        Clock clock = Clock.fixed(AS_OF, ZoneOffset.UTC);
        ModelMaintainer ma = maintainer(dir);
        ModelMaintainer mb = maintainer(dir);
        List<String> trainedOn = java.util.Collections.synchronizedList(new ArrayList<>());
        RetrainScheduler.Trainer recordThread = (at, pacer) -> {
            trainedOn.add(Thread.currentThread().getName());
            return null;
        };
        try (RetrainScheduler a = new RetrainScheduler(options, ma, new ModelChannel(connector),
                new RetrainLease(connector, "a", options.lease()), clock, "a",
                (at, pacer) -> { recordThread.train(at, pacer); return ma.train(at, pacer); }).start();
             RetrainScheduler b = new RetrainScheduler(options, mb, new ModelChannel(connector),
                     new RetrainLease(connector, "b", options.lease()), clock, "b",
                     (at, pacer) -> { recordThread.train(at, pacer); return mb.train(at, pacer); }).start()) {
            for (int i = 0; i < 49; i++) {
                (i % 2 == 0 ? a : b).labelled();
            }
            Thread.sleep(600);
            assertThat(a.runs() + b.runs()).as("below the threshold nothing trains").isZero();
            a.labelled();
            await(() -> a.current() != null && b.current() != null
                    && a.current().versions().equals(b.current().versions()));
            assertThat(a.runs() + b.runs()).as("exactly one instance trained").isEqualTo(1);
            RetrainScheduler trainer = a.runs() == 1 ? a : b;
            RetrainScheduler.Run run = trainer.lastRun().orElseThrow();
            assertThat(run.published()).isTrue();
            assertThat(run.thread()).isEqualTo(RetrainScheduler.THREAD);
            assertThat(trainedOn).containsExactly(RetrainScheduler.THREAD);
            assertThat(new ModelChannel(connector).labelledCount()).isZero();
            ModelVersion risk = run.outcome().risk();
            assertThat(risk.accepted()).isTrue();
            assertThat(risk.source()).isEqualTo(ModelVersion.LIVE_RECORDS);
            assertThat(risk.dataFrom()).isBefore(risk.dataTo());
            assertThat(risk.trainedOn()).containsKeys("customers", "labelled", "positives");
            assertThat(risk.trainedOn().get("positives")).isPositive();
            assertThat(risk.tribuoProvenance().toString()).contains("LinearSGDTrainer");
        }

        // a third instance whose candidate knows nothing (shuffled labels): refused, kept as refused
        ModelMaintainer mc = maintainer(dir);
        ModelChannel channel = new ModelChannel(connector);
        ch.qos.logback.classic.Logger logger =
                (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(RetrainScheduler.class);
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> logs =
                new ch.qos.logback.core.read.ListAppender<>();
        logs.start();
        logger.addAppender(logs);
        try (RetrainScheduler c = new RetrainScheduler(options, mc, channel,
                new RetrainLease(connector, "c", options.lease()), clock, "c", (at, pacer) -> worse(mc, at, pacer))
                .start()) {
            await(() -> mc.current() != null); // picked up what a or b published
            int riskBefore = mc.current().riskVersion();
            for (int i = 0; i < 50; i++) {
                c.labelled();
            }
            c.checkNow();
            await(() -> c.runs() == 1 && c.lastRun().isPresent());
            ModelMaintainer.Outcome o = c.lastRun().orElseThrow().outcome();
            assertThat(o.risk().status()).isEqualTo("refused");
            assertThat(o.risk().candidate()).isLessThan(o.risk().incumbent());
            assertThat(mc.current().riskVersion()).isEqualTo(riskBefore);
            assertThat(channel.current().orElseThrow().versions().get(ModelMaintainer.RISK)).isEqualTo(riskBefore);
            assertThat(new ModelRegistry(dir, 0).versions(ModelMaintainer.RISK)).extracting(ModelVersion::status)
                    .containsExactly("accepted", "refused");
            assertThat(logs.list).anySatisfy(e -> assertThat(e.getFormattedMessage())
                    .contains("refused by the gate").contains("complaint_risk v2").contains("auc"));
        } finally {
            logger.detachAppender(logs);
        }
    }

    @Test
    void trainingRefusesToRunOnAnEventLoop(@TempDir Path dir) throws Exception {
        ModelMaintainer m = maintainer(dir);
        DefaultEventLoop loop = new DefaultEventLoop();
        try {
            assertThatThrownBy(() -> loop.submit(() -> m.train(AS_OF, Pacer.NONE)).get())
                    .isInstanceOf(ExecutionException.class).cause().isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("event loop");
        } finally {
            loop.shutdownGracefully().syncUninterruptibly();
        }
    }

    private static ModelMaintainer maintainer(Path dir) {
        return new ModelMaintainer(PortraitConfig.load(), built.histories(), new ModelRegistry(dir, 0.0),
                RetrainPolicy.DEFAULT, 2000);
    }

    /** A real training whose risk model is then refitted on shuffled labels: it knows nothing. */
    private static ModelTraining.Result worse(ModelMaintainer m, Instant at, Pacer pacer) {
        return ShuffledLabels.worse(m.train(at, pacer));
    }

    private static void await(BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!done.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition reached within 90 s").isLessThan(deadline);
            Thread.sleep(50);
        }
    }
}
