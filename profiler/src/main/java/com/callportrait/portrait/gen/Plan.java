package com.callportrait.portrait.gen;

import java.util.SplittableRandom;

/**
 * The product plan a generated customer holds, and the contact reason it tends to cause (a fibre
 * plan calls about outages, a prepaid plan about payments). The link is latent: a customer calls
 * about the plan's reason on {@link #LINK_SHARE} of the contacts, the rest follow the customer's
 * type as before, so association rules have something real but noisy to find. Immutable.
 */
enum Plan {
    //          wire name      linked topic (Transcripts.TOPICS index)
    FLEX("flex", 0),
    PREPAID("prepaid", 1),
    FIBRE_MAX("fibre-max", 2),
    SMART_METER("smart-meter", 3),
    BUSINESS_PRO("business-pro", 4),
    FIXED_TERM("fixed-term", 5);

    /** Share of a customer's organic contacts that are about the plan's linked reason. */
    static final double LINK_SHARE = 0.3;

    final String wireName;
    final int topic;

    Plan(String wireName, int topic) {
        this.wireName = wireName;
        this.topic = topic;
    }

    /** Plans follow the customer type (businesses buy business plans) with every plan possible. */
    static Plan draw(LatentType type, SplittableRandom rnd) {
        double[] w = switch (type) {
            case BUSINESS_SENSITIVE -> new double[] {0.05, 0.02, 0.30, 0.05, 0.50, 0.08};
            case HIGH_VALUE -> new double[] {0.15, 0.02, 0.35, 0.30, 0.10, 0.08};
            case POTENTIAL -> new double[] {0.40, 0.15, 0.15, 0.10, 0.05, 0.15};
            case NEEDS_GUIDANCE -> new double[] {0.15, 0.50, 0.05, 0.15, 0.02, 0.13};
            default -> new double[] {0.25, 0.15, 0.15, 0.15, 0.05, 0.25};
        };
        double u = rnd.nextDouble();
        double acc = 0;
        for (int p = 0; p < w.length; p++) {
            acc += w[p];
            if (u < acc) {
                return values()[p];
            }
        }
        return FLEX;
    }
}
