package com.callportrait.simulator.soak;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SoakReportTest {
    private static SoakSample sample(double t, double liveHeap, int threads) {
        return new SoakSample(t, 10, 5, 0, 0, 5, 5, 1, 2, 3, 4, 0, Double.NaN, Double.NaN, liveHeap + 5, liveHeap,
                liveHeap + 50, 200, threads, 100, 1.5, 1);
    }

    private static SoakReport report(List<SoakSample> samples, SoakRecords.Check records, List<String> dup) {
        return new SoakReport(SoakOptions.defaults(), samples, Map.of(), records, dup, 40, 42, 0);
    }

    private static final SoakRecords.Check ONCE = SoakRecords.check(Map.of("a", 1, "b", 1), List.of("a", "b"));

    @Test
    void theHeapSlopeIsTheLeastSquaresFitOfTheSecondHalfInMbPerMinute() {
        List<SoakSample> s = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            // first half: warm-up growth; second half: +0.5 MB every 60 s
            s.add(sample(i * 60, i < 5 ? 100 + 20 * i : 200 + 0.5 * (i - 5), 80 + i % 3));
        }
        SoakReport r = report(s, ONCE, List.of());
        assertThat(r.heapSlopeMbPerMin()).isCloseTo(0.5, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(r.threadSpread()).isEqualTo(2);
        assertThat(r.passed()).isTrue();
    }

    @Test
    void aGrowingHeapADoubledRecordOrARepeatedActionFailsTheRun() {
        List<SoakSample> s = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            s.add(sample(i * 60, 100 + 3 * i, 80));
        }
        assertThat(report(s, ONCE, List.of()).verdicts()).filteredOn(v -> !v.pass())
                .extracting(SoakReport.Verdict::name).containsExactly("heap flat (post-GC slope, second half)");
        List<SoakSample> flat = s.stream().map(x -> sample(x.seconds(), 100, 80)).toList();
        SoakRecords.Check doubled = SoakRecords.check(Map.of("a", 2, "c", 1), List.of("a", "b"));
        assertThat(doubled.doubled()).containsExactly("a x2");
        assertThat(doubled.missing()).containsExactly("b");
        assertThat(doubled.foreign()).isEqualTo(1);
        assertThat(report(flat, doubled, List.of()).passed()).isFalse();
        assertThat(report(flat, ONCE, List.of("Redirect PJSIP/x x2")).passed()).isFalse();
        assertThat(report(flat, ONCE, List.of()).passed()).isTrue();
    }

    @Test
    void theMarkdownHasTheFiguresTheVerdictsAndOneRowPerSample() {
        List<SoakSample> s = List.of(sample(15, 100, 80), sample(30, 100, 81));
        String md = report(s, ONCE, List.of()).toMarkdown();
        assertThat(md).contains("| every completed call's record stored exactly once | PASS | 2 expected, 0 missing, 0 doubled |");
        assertThat(md.lines().filter(l -> l.startsWith("| 15 |") || l.startsWith("| 30 |"))).hasSize(2);
    }
}
