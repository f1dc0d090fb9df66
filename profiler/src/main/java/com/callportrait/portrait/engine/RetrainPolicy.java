package com.callportrait.portrait.engine;

import com.callportrait.portrait.PortraitException;

import java.time.Duration;
import java.util.Objects;

/**
 * When models retrain: after {@code every} has passed since the last training, or after
 * {@code afterLabelled} new labelled records (complaints, survey answers, agent dispositions),
 * whichever comes first. Immutable.
 */
public record RetrainPolicy(Duration every, long afterLabelled) {
    public RetrainPolicy {
        Objects.requireNonNull(every, "every");
        if (every.isNegative() || every.isZero() || afterLabelled < 1) {
            throw new PortraitException("retrain interval must be > 0 and afterLabelled >= 1");
        }
    }

    /** Daily, or after 5,000 labelled records. */
    public static final RetrainPolicy DEFAULT = new RetrainPolicy(Duration.ofDays(1), 5_000);
}
