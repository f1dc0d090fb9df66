package com.callportrait.portrait.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.callportrait.portrait.semantic.EmotionLexicon;
import org.junit.jupiter.api.Test;

class HourlyForecastTest {
    private static final long WEEK = 7 * 86_400L;
    private static final long START = 3_000 * WEEK;

    /** Week w before START has (h % 24) + w contacts in hour h; one chat per hour that is not a call. */
    private static ContactLog weeks(int n) {
        ContactLog log = new ContactLog(EmotionLexicon.load());
        for (int w = 1; w <= n; w++) {
            long from = START - w * WEEK;
            for (int h = 0; h < HourlyForecast.HOURS; h++) {
                for (int c = 0; c < h % 24 + w; c++) {
                    log.add("C" + c, from + h * 3600L + c, "billing", "a", "voice", "resolved", 0, 60, false, false);
                }
                log.add("X", from + h * 3600L, "billing", "a", "chat", "resolved", 0, 60, false, false);
            }
        }
        return log;
    }

    @Test
    void forecastIsTheHourOfWeekMeanWithABand() {
        ContactLog log = weeks(4);
        HourlyForecast.Forecast f = HourlyForecast.fit(log, START, 4, HourlyForecast.calls(log));
        // mean over w = 1..4 of (h % 24 + w) = h % 24 + 2.5
        assertThat(f.mean()[0]).isCloseTo(2.5, within(1e-12));
        assertThat(f.mean()[13]).isCloseTo(15.5, within(1e-12));
        assertThat(f.low()[13]).isLessThan(f.mean()[13]);
        assertThat(f.high()[13]).isGreaterThan(f.mean()[13]);
        // Poisson floor: sd = max(sd across weeks = 1.29, sqrt(15.5) = 3.94)
        assertThat(f.high()[13] - f.mean()[13]).isCloseTo(1.28 * Math.sqrt(15.5), within(1e-9));
    }

    @Test
    void naiveIsLastWeekAndErrorsAreExact() {
        ContactLog log = weeks(2);
        double[] naive = HourlyForecast.naive(log, START, HourlyForecast.calls(log));
        assertThat(naive[5]).isEqualTo(6.0);
        int[] actual = new int[HourlyForecast.HOURS];
        double[] predicted = new double[HourlyForecast.HOURS];
        actual[0] = 10;
        predicted[0] = 8;
        actual[1] = 2;
        predicted[1] = 4;
        HourlyForecast.Error e = HourlyForecast.error(predicted, actual);
        assertThat(e.mae()).isCloseTo(4.0 / HourlyForecast.HOURS, within(1e-12));
        assertThat(e.mape()).isCloseTo(0.2, within(1e-12)); // only the hour with >= 5 contacts
        assertThat(e.wape()).isCloseTo(4.0 / 12, within(1e-12));
    }
}
