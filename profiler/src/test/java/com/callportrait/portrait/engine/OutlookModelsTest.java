package com.callportrait.portrait.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.callportrait.portrait.features.CustomerHistory;
import com.callportrait.portrait.risk.ComplaintRiskModel;
import com.callportrait.profile.CustomerProfile;
import com.callportrait.profile.Tag;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Churn risk and next contact trained on the generated fixture: better than their baselines on
 * held-out time, shown in the portrait with explanations, and gated and versioned in the registry.
 */
class OutlookModelsTest {
    private static final PortraitConfig CONFIG = PortraitConfig.load();

    private static List<CustomerHistory> histories() {
        List<CustomerHistory> all = new ArrayList<>(EngineFixture.build().histories().all());
        all.sort(Comparator.comparing(CustomerHistory::customerId));
        return all;
    }

    @Test
    void trainedModelsBeatTheirBaselinesOnHeldOutTime() {
        OutlookModels o = EngineFixture.build().models().outlook();
        assertThat(o.churn()).isNotNull();
        assertThat(o.churn().horizonDays()).isEqualTo(PortraitConfig.DEFAULT_CHURN_DAYS);
        assertThat(o.churn().metrics().get("auc")).isGreaterThan(o.churn().metrics().get("auc_baseline"));
        assertThat(o.nextContact()).isNotNull();
        assertThat(o.nextContact().metrics().get("auc_30d")).isGreaterThan(0.55);
        assertThat(o.nextContact().metrics().get("reason_top1"))
                .isGreaterThanOrEqualTo(o.nextContact().metrics().get("reason_top1_baseline"));
    }

    @Test
    void thePortraitShowsChurnRiskAndNextContactWithTheirReasons() {
        List<CustomerProfile> sample = new ArrayList<>(EngineFixture.build().sample().values());
        for (CustomerProfile p : sample) {
            assertThat(p.has(CustomerProfile.CHURN_RISK)).isTrue();
            assertThat(p.has(CustomerProfile.NEXT_CONTACT)).isTrue();
            Tag churn = p.tags().stream().filter(t -> t.name().startsWith("churn-risk-")
                    || t.name().equals("account-closed")).findFirst().orElseThrow();
            if (churn.name().startsWith("churn-risk-")) {
                assertThat(churn.explanation()).startsWith(String.format(java.util.Locale.ROOT, "p=%.2f within 90d; ",
                        p.churnRisk()));
                // the rule tag is replaced by the learned one
                assertThat(p.tags()).extracting(Tag::name).doesNotContain("churn-risk");
            } else {
                // a closed account: certain, and not expected to call
                assertThat(p.churnRisk()).isEqualTo(1.0);
                assertThat(p.nextContact()).isEqualTo(com.callportrait.profile.NextContact.NONE);
                continue;
            }
            assertThat(p.nextContact().within30d()).isGreaterThanOrEqualTo(p.nextContact().within7d());
            assertThat(p.nextContact().likelyReason()).isNotEmpty();
            assertThat(p.nextContact().explanation()).contains("reason " + p.nextContact().likelyReason());
        }
    }

    @Test
    void candidatesPassTheGateOnlyIfNotWorseAndComeBackFromTheRegistry(@TempDir Path dir) {
        OutlookTraining t = new OutlookTraining(CONFIG);
        OutlookTraining.Result r = t.train(histories(), EngineFixture.AS_OF);
        ModelRegistry registry = new ModelRegistry(dir, 0.0);
        OutlookModels first = OutlookGate.offer(registry, null, r.models(), r.heldOut(), EngineFixture.AS_OF);
        assertThat(first.churnVersion()).isEqualTo(1);
        assertThat(first.nextContactVersion()).isEqualTo(1);
        assertThat(registry.current(OutlookGate.CHURN).orElseThrow().gateMetric()).isEqualTo("auc");

        // a churn model that learned from shuffled labels knows nothing and is refused
        OutlookTraining.Rows held = r.heldOut().churn();
        long n = CONFIG.churnDays() * 86_400L;
        OutlookTraining.Rows train = t.churnRows(histories(), EngineFixture.AS_OF.getEpochSecond() - 2 * n, n);
        boolean[] shuffled = train.labels().clone();
        java.util.Random rnd = new java.util.Random(3);
        for (int i = shuffled.length - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            boolean x = shuffled[i];
            shuffled[i] = shuffled[j];
            shuffled[j] = x;
        }
        ComplaintRiskModel worse = t.binary(CONFIG.rules().inputsOf("churn_risk"), CONFIG.churnDays(),
                new OutlookTraining.Rows(train.raw(), shuffled, List.of(), List.of(), train.calibration()), held,
                new double[held.raw().size()]);
        OutlookModels second = OutlookGate.offer(registry, first, new OutlookModels(worse, 0, null, 0), r.heldOut(),
                EngineFixture.AS_OF.plusSeconds(60));
        assertThat(registry.versions(OutlookGate.CHURN)).extracting(ModelVersion::status)
                .containsExactly("accepted", "refused");
        assertThat(second.churn()).isSameAs(first.churn());
        assertThat(second.churnVersion()).isEqualTo(1);

        // a new process restores the current versions with the same predictions
        OutlookModels restored = OutlookGate.restore(registry);
        assertThat(restored.churnVersion()).isEqualTo(1);
        double[] raw = held.raw().get(0);
        assertThat(restored.churn().probabilityOfRaw(raw)).isEqualTo(first.churn().probabilityOfRaw(raw));
        assertThat(restored.nextContact().predict(raw)).isEqualTo(first.nextContact().predict(raw));
        assertThat(registry.load(OutlookGate.CHURN, 1).getProvenance().getTrainerProvenance().getClassName())
                .contains("LinearSGDTrainer");
    }

    @Test
    void outlookTrainingIsPacedAndNeverRunsOnAnEventLoop() throws Exception {
        // half a core: after each fit (run at full speed) the pacer sleeps it off
        Pacer pacer = new Pacer(0.5);
        pacer.pace(); // the computation's start
        OutlookTraining.Result r = new OutlookTraining(CONFIG, pacer).train(histories(), EngineFixture.AS_OF);
        assertThat(r.models().churn()).isNotNull();
        assertThat(pacer.sleptMillis()).as("slept to stay within its share").isPositive();

        java.util.concurrent.atomic.AtomicReference<Throwable> refused = new java.util.concurrent.atomic.AtomicReference<>();
        Thread loop = new io.netty.util.concurrent.FastThreadLocalThread(() -> {
            try {
                new OutlookTraining(CONFIG).train(histories(), EngineFixture.AS_OF);
            } catch (Throwable e) {
                refused.set(e);
            }
        }, "cp-io-test");
        loop.start();
        loop.join();
        assertThat(refused.get()).isInstanceOf(IllegalStateException.class).hasMessageContaining("cp-io-test");
    }

    @Test
    void theBundleNamesItsChurnAndNextContactVersionsAndRestoresTheVersionsNamed(@TempDir Path dir) {
        OutlookTraining.Result r = new OutlookTraining(CONFIG).train(histories(), EngineFixture.AS_OF);
        ModelRegistry registry = new ModelRegistry(dir, 0.0);
        OutlookModels first = OutlookGate.offer(registry, null, r.models(), r.heldOut(), EngineFixture.AS_OF,
                ModelVersion.LIVE_RECORDS, null);
        OutlookModels second = OutlookGate.offer(registry, first, r.models(), r.heldOut(),
                EngineFixture.AS_OF.plusSeconds(60), ModelVersion.LIVE_RECORDS, null);
        assertThat(second.churnVersion()).isEqualTo(2);
        assertThat(registry.current(OutlookGate.CHURN).orElseThrow().source()).isEqualTo(ModelVersion.LIVE_RECORDS);
        ModelBundle base = EngineFixture.build().models();
        ModelBundle bundle = base.withOutlook(second);
        assertThat(bundle.versions()).containsEntry(OutlookGate.CHURN, 2).containsEntry(OutlookGate.NEXT_CONTACT, 2)
                .containsEntry(ModelMaintainer.RISK, base.riskVersion())
                .containsEntry(ModelMaintainer.SEGMENT, base.segmentVersion());
        assertThat(base.withOutlook(OutlookModels.NONE).versions()).containsOnlyKeys(ModelMaintainer.RISK,
                ModelMaintainer.SEGMENT);
        // a publication naming version 1 brings back version 1, not the registry's current 2
        OutlookModels named = OutlookGate.restore(registry, java.util.Map.of(OutlookGate.CHURN, 1,
                OutlookGate.NEXT_CONTACT, 1));
        assertThat(named.churnVersion()).isEqualTo(1);
        assertThat(named.nextContactVersion()).isEqualTo(1);
        assertThat(OutlookGate.restore(registry).churnVersion()).isEqualTo(2);
    }
}
