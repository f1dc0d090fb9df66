package com.callportrait.portrait.gen;

/**
 * The hidden customer types the generator draws from. They are never written into the data; the
 * portrait engine must rediscover them from behaviour. Rates are per year. Immutable and
 * thread-safe.
 */
public enum LatentType {
    //               weight calls  spend  late  complaint neg   chat  hour  topics: billing payment outage meter newsvc move
    BUSINESS_SENSITIVE(0.12, 14.0, 420.0, 0.04, 0.30, 0.30, 0.10, 10, new double[] {0.20, 0.05, 0.45, 0.10, 0.15, 0.05}),
    HIGH_VALUE(0.13, 6.0, 300.0, 0.02, 0.05, 0.08, 0.35, 19, new double[] {0.30, 0.10, 0.15, 0.10, 0.30, 0.05}),
    POTENTIAL(0.20, 8.0, 90.0, 0.08, 0.06, 0.12, 0.50, 20, new double[] {0.20, 0.10, 0.10, 0.05, 0.50, 0.05}),
    NEEDS_GUIDANCE(0.18, 22.0, 70.0, 0.30, 0.22, 0.35, 0.05, 11, new double[] {0.35, 0.25, 0.08, 0.25, 0.02, 0.05}),
    ORDINARY(0.37, 7.5, 80.0, 0.08, 0.06, 0.12, 0.20, 14, new double[] {0.30, 0.20, 0.15, 0.15, 0.10, 0.10});

    final double weight;
    final double callsPerYear;
    final double monthlySpend;
    final double lateProbability;
    final double complaintPropensity;
    final double negativeBase;
    final double chatShare;
    final int preferredHour;
    final double[] topicWeights;

    LatentType(double weight, double callsPerYear, double monthlySpend, double lateProbability,
               double complaintPropensity, double negativeBase, double chatShare, int preferredHour,
               double[] topicWeights) {
        this.weight = weight;
        this.callsPerYear = callsPerYear;
        this.monthlySpend = monthlySpend;
        this.lateProbability = lateProbability;
        this.complaintPropensity = complaintPropensity;
        this.negativeBase = negativeBase;
        this.chatShare = chatShare;
        this.preferredHour = preferredHour;
        this.topicWeights = topicWeights;
    }
}
