package com.callportrait.portrait.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.callportrait.portrait.risk.ComplaintRiskModel;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelMaintainerTest {

    @Test
    void gateAcceptsTheFirstAndAnEqualModelButRefusesAWorseOne(@TempDir Path dir) {
        BatchBuild.Result built = EngineFixture.build();
        ModelRegistry registry = new ModelRegistry(dir, 0.0);
        ModelMaintainer m = new ModelMaintainer(PortraitConfig.load(), built.histories(), registry,
                new RetrainPolicy(Duration.ofDays(1), 100), 50_000);
        ModelTraining.Result first = new ModelTraining.Result(built.models(), built.heldOut());

        ModelMaintainer.Outcome o1 = m.offer(first, EngineFixture.AS_OF);
        assertThat(o1.risk().status()).isEqualTo("accepted");
        assertThat(o1.risk().version()).isEqualTo(1);
        assertThat(o1.risk().candidate()).isGreaterThan(0.7);
        assertThat(o1.risk().provenance()).contains("LinearSGDTrainer");
        ComplaintRiskModel good = m.current().risk();

        // A candidate trained on shuffled labels knows nothing: it must not replace the current model.
        ComplaintRiskModel worse = ShuffledLabels.riskModel(built.models().risk(), built.heldOut());
        ModelMaintainer.Outcome o2 = m.offer(new ModelTraining.Result(built.models().withRisk(worse, 0),
                built.heldOut()), EngineFixture.AS_OF.plusSeconds(60));
        assertThat(o2.risk().status()).isEqualTo("refused");
        assertThat(o2.risk().candidate()).isLessThan(o2.risk().incumbent());
        assertThat(m.current().risk()).isSameAs(good);
        assertThat(m.current().riskVersion()).isEqualTo(1);

        // The same model again is not worse: accepted as version 3.
        ModelMaintainer.Outcome o3 = m.offer(first, EngineFixture.AS_OF.plusSeconds(120));
        assertThat(o3.risk().status()).isEqualTo("accepted");
        assertThat(registry.versions("complaint_risk")).extracting(ModelVersion::status)
                .containsExactly("accepted", "refused", "accepted");
        assertThat(registry.current("complaint_risk").orElseThrow().version()).isEqualTo(3);
        // the stored Tribuo model comes back with its provenance
        assertThat(registry.load("complaint_risk", 1).getProvenance().getTrainerProvenance().getClassName())
                .contains("LinearSGDTrainer");

        // a new process restores the current versions and gates against them
        ModelMaintainer next = new ModelMaintainer(PortraitConfig.load(), built.histories(), registry,
                new RetrainPolicy(Duration.ofDays(1), 100), 50_000);
        assertThat(next.restore()).isTrue();
        assertThat(next.current().riskVersion()).isEqualTo(3);
        assertThat(ModelMaintainer.riskAuc(next.current().risk(), built.heldOut()))
                .isEqualTo(ModelMaintainer.riskAuc(good, built.heldOut()));
        double[] raw = built.heldOut().segmentRaw().get(0);
        assertThat(next.current().segment().assign(raw)).isEqualTo(m.current().segment().assign(raw));
        ModelMaintainer.Outcome o4 = next.offer(new ModelTraining.Result(built.models().withRisk(worse, 0),
                built.heldOut()), EngineFixture.AS_OF.plusSeconds(180));
        assertThat(o4.risk().status()).isEqualTo("refused");
        assertThat(o4.risk().version()).isEqualTo(4);
    }

    @Test
    void retrainIsDueAfterNLabelledRecords(@TempDir Path dir) {
        BatchBuild.Result built = EngineFixture.build();
        ModelMaintainer m = new ModelMaintainer(PortraitConfig.load(), built.histories(), new ModelRegistry(dir, 0),
                new RetrainPolicy(Duration.ofDays(7), 3), 50_000);
        assertThat(m.due(EngineFixture.AS_OF)).isTrue(); // no model yet
        m.offer(new ModelTraining.Result(built.models(), built.heldOut()), EngineFixture.AS_OF);
        assertThat(m.due(EngineFixture.AS_OF.plusSeconds(3600))).isFalse();
        m.labelled(2);
        assertThat(m.due(EngineFixture.AS_OF.plusSeconds(3600))).isFalse();
        m.labelled(1);
        assertThat(m.due(EngineFixture.AS_OF.plusSeconds(3600))).isTrue();
        assertThat(m.due(EngineFixture.AS_OF.plus(Duration.ofDays(8)))).isTrue();
    }

}
