package com.callportrait.portrait.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.callportrait.portrait.features.Preprocessor;
import com.callportrait.portrait.gen.LatentType;
import com.callportrait.portrait.gen.SyntheticGenerator;
import com.callportrait.portrait.segment.SegmentModel;
import com.callportrait.portrait.segment.SegmentTrainer;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SegmentStabilityTest {

    @Test
    void sameSeedSameSegmentsAndTheyRecoverTheHiddenTypes() {
        BatchBuild.Result built = EngineFixture.build();
        PortraitConfig config = PortraitConfig.load();
        List<double[]> raw = built.heldOut().segmentRaw();
        Preprocessor pre = built.models().segment().pre();
        List<String> inputs = config.rules().inputsOf("segment");
        List<double[]> rows = ModelTraining.processed(pre, raw, inputs);

        SegmentModel a = new SegmentTrainer(config.naming(), config.seed()).train(pre, inputs, rows);
        SegmentModel b = new SegmentTrainer(config.naming(), config.seed()).train(pre, inputs, rows);
        assertThat(a.k()).isEqualTo(5);
        assertThat(b.names()).isEqualTo(a.names());
        assertThat(b.centroids()).isDeepEqualTo(a.centroids());
        assertThat(a.names()).containsExactlyInAnyOrder("business-sensitive", "high-value", "potential",
                "needs-guidance", "ordinary");
        assertThat(a.silhouettes()).containsKeys(2, 3, 4, 5, 6, 7, 8);

        // raw rows are in customer-id order (C0000000, C0000001, ...): compare with the hidden type
        Map<String, Map<LatentType, Integer>> table = new HashMap<>();
        for (int i = 0; i < raw.size(); i++) {
            String seg = a.assign(raw.get(i)).name();
            LatentType t = SyntheticGenerator.latentTypeOf(EngineFixture.DATA.seed(), i);
            table.computeIfAbsent(seg, k -> new EnumMap<>(LatentType.class)).merge(t, 1, Integer::sum);
        }
        assertThat(majority(table.get("business-sensitive"))).isEqualTo(LatentType.BUSINESS_SENSITIVE);
        assertThat(majority(table.get("needs-guidance"))).isEqualTo(LatentType.NEEDS_GUIDANCE);
        assertThat(share(table.get("business-sensitive"), LatentType.BUSINESS_SENSITIVE)).isGreaterThan(0.6);
    }

    private static LatentType majority(Map<LatentType, Integer> m) {
        return m.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    }

    private static double share(Map<LatentType, Integer> m, LatentType t) {
        return m.getOrDefault(t, 0) / (double) m.values().stream().mapToInt(Integer::intValue).sum();
    }
}
