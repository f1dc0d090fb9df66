package com.callportrait.portrait.gen;

import com.callportrait.portrait.collect.ComplaintRecord;
import com.callportrait.portrait.collect.InteractionRecord;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The hidden behaviour that makes churn learnable: every 30 days a customer closes the account with
 * a monthly hazard {@code sigmoid(logit)} driven by what happened to them so far: unresolved
 * complaints (billing ones weigh more for price-sensitive types), recent contacts left unresolved,
 * satisfaction falling (the last 90 days' survey mean below the year before), a short tenure and the
 * type's price sensitivity, plus a per-customer frailty drawn once (so two customers with the same
 * record do not churn alike and the label is not trivially separable). Never written into the data:
 * only the resulting {@code closed_at} is. Stateless; thread-safe.
 */
final class ChurnHazard {
    static final long DAY = 86_400L;
    /** Monthly log-odds of an average-risk customer with nothing wrong: about 0.4% a month. */
    static final double BASE = -5.6;

    private ChurnHazard() {
    }

    /** How strongly price drives a type away: low spenders and the upgrade-hungry shop around. */
    static double priceSensitivity(LatentType t) {
        return switch (t) {
            case POTENTIAL -> 1.0;
            case ORDINARY -> 0.7;
            case NEEDS_GUIDANCE -> 0.6;
            case BUSINESS_SENSITIVE -> 0.3;
            case HIGH_VALUE -> 0.15;
        };
    }

    /** Monthly closure log-odds at {@code t} from the records before it. */
    static double logit(LatentType type, long joined, long t, List<InteractionRecord> contacts,
                        List<ComplaintRecord> complaints, double frailty) {
        int open = 0;
        int openBilling = 0;
        for (ComplaintRecord c : complaints) {
            long o = c.openedAt().getEpochSecond();
            if (o <= t && (c.resolvedAt() == null || c.resolvedAt().getEpochSecond() > t)) {
                open++;
                openBilling += c.topic().equals("billing") || c.topic().equals("payment") ? 1 : 0;
            }
        }
        int unresolved = 0;
        double recentSum = 0;
        int recentN = 0;
        double olderSum = 0;
        int olderN = 0;
        for (InteractionRecord r : contacts) {
            long at = r.start().getEpochSecond();
            if (at > t) {
                continue;
            }
            boolean recent = at > t - 90 * DAY;
            if (recent && !"resolved".equals(r.outcome())) {
                unresolved++;
            }
            if (r.survey() != null && at > t - 365 * DAY) {
                if (recent) {
                    recentSum += r.survey();
                    recentN++;
                } else {
                    olderSum += r.survey();
                    olderN++;
                }
            }
        }
        double falling = recentN > 0 && olderN > 0 ? Math.max(0, olderSum / olderN - recentSum / recentN) : 0;
        double tenureYears = (t - joined) / (365.0 * DAY);
        double price = priceSensitivity(type);
        return BASE + 0.65 * Math.min(open, 3) + 0.5 * price * Math.min(openBilling, 2)
                + 0.22 * Math.min(unresolved, 5) + 0.55 * Math.min(falling, 3)
                + (tenureYears < 1 ? 0.8 : 0) - 0.12 * Math.min(tenureYears, 8)
                + 1.3 * price + frailty;
    }

    /**
     * When the account closes, or {@code -1}: one draw per 30 days from the first full month of the
     * relationship inside the history to its end.
     */
    static long closure(LatentType type, long joined, long start, long end, List<InteractionRecord> contacts,
                        List<ComplaintRecord> complaints, SplittableRandom rnd) {
        double frailty = 0.7 * SyntheticGenerator.gauss(rnd);
        for (long t = Math.max(start, joined) + 30 * DAY; t < end; t += 30 * DAY) {
            double p = 1 / (1 + Math.exp(-logit(type, joined, t, contacts, complaints, frailty)));
            if (rnd.nextDouble() < p) {
                long at = t + (long) (rnd.nextDouble() * 30 * DAY);
                return at < end ? at : -1;
            }
        }
        return -1;
    }
}
