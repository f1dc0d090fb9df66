package com.callportrait.portrait.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Reliability bins and Platt calibration: a calibrated 0.3 means about 30 in 100. */
class ReliabilityTest {

    @Test
    void binsHoldMeanPredictionAndObservedRate() {
        double[] p = {0.05, 0.08, 0.31, 0.35, 0.39, 0.95};
        boolean[] y = {false, false, true, false, false, true};
        List<Reliability.Bin> bins = Reliability.bins(p, y, 10);
        assertThat(bins).hasSize(3);
        assertThat(bins.get(0).n()).isEqualTo(2);
        assertThat(bins.get(0).observed()).isEqualTo(0.0);
        assertThat(bins.get(1).meanPredicted()).isCloseTo(0.35, within(1e-9));
        assertThat(bins.get(1).observed()).isCloseTo(1 / 3.0, within(1e-9));
        assertThat(bins.get(2).from()).isEqualTo(0.9);
        // |0.065-0| * 2 + |0.35-0.333| * 3 + |0.95-1| * 1, over 6
        assertThat(Reliability.ece(bins)).isCloseTo((0.13 + 3 * (0.35 - 1 / 3.0) + 0.05) / 6, within(1e-9));
    }

    @Test
    void plattTurnsOverConfidentScoresIntoCalibratedOnes() {
        // true probability q; a model that says q^0.3 (far too high) is recalibrated by Platt
        SplittableRandom rnd = new SplittableRandom(7);
        int n = 20_000;
        double[] raw = new double[n];
        boolean[] y = new boolean[n];
        double[] q = new double[n];
        for (int i = 0; i < n; i++) {
            q[i] = 0.02 + 0.4 * rnd.nextDouble() * rnd.nextDouble();
            raw[i] = Math.pow(q[i], 0.3);
            y[i] = rnd.nextDouble() < q[i];
        }
        double before = Reliability.ece(Reliability.bins(raw, y, 10));
        Platt platt = Platt.fit(raw, y);
        double[] cal = new double[n];
        for (int i = 0; i < n; i++) {
            cal[i] = platt.apply(raw[i]);
        }
        double after = Reliability.ece(Reliability.bins(cal, y, 10));
        assertThat(before).isGreaterThan(0.3);
        assertThat(after).isLessThan(0.02);
        assertThat(Auc.brier(cal, y)).isLessThan(Auc.brier(raw, y));
    }
}
