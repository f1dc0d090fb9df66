package com.callportrait.portrait.insights;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One agent's performance over a window, from the contacts the agent answered. Immutable.
 *
 * @param agent        agent name as the queue log / records name it
 * @param contacts     contacts answered
 * @param handlingSec  mean talk time of the answered contacts
 * @param fcr          first-contact resolution: resolved, and the customer did not contact again about
 *                     the same topic within {@value #FOLLOW_UP_DAYS} days
 * @param survey       mean post-contact survey (1-5) of the answered surveys; NaN without any
 * @param transfers    share transferred
 * @param escalations  share escalated
 * @param recovery     emotion recovery: share of the contacts that started angry/negative whose caller
 *                     ended calm or satisfied; NaN when none started upset
 */
public record AgentFeatures(String agent, int contacts, double handlingSec, double fcr, double survey,
                            double transfers, double escalations, double recovery) {
    public static final int FOLLOW_UP_DAYS = 7;
    /** Feature names in vector order. */
    public static final List<String> NAMES = List.of("handling_sec", "fcr", "survey", "transfers", "escalations",
            "recovery");
    /** Direction of "better" per feature, for the group score: shorter handling, fewer transfers is better. */
    static final double[] BETTER = {-1, 1, 1, -1, -1, 1};

    public double[] vector() {
        return new double[] {handlingSec, fcr, survey, transfers, escalations, recovery};
    }

    /**
     * Features of every agent with at least {@code minContacts} answered contacts among the given
     * contact indices (repeats allowed: a bootstrap resample), in agent-name order. A missing survey
     * or recovery (no answers, no upset callers) takes the mean of the other agents.
     */
    public static List<AgentFeatures> of(ContactLog log, int[] indices, int minContacts) {
        boolean[] followed = followedUp(log);
        int na = log.agentNames().size();
        long[] n = new long[na];
        long[] talkSum = new long[na];
        long[] talkN = new long[na];
        long[] fcr = new long[na];
        long[] surveys = new long[na];
        long[] surveySum = new long[na];
        long[] transfers = new long[na];
        long[] escalations = new long[na];
        long[] upset = new long[na];
        long[] calmed = new long[na];
        for (int i : indices) {
            int a = log.agent(i);
            if (a < 0 || log.outcome(i) == ContactLog.ABANDONED) {
                continue;
            }
            n[a]++;
            if (log.talk(i) > 0) {
                talkSum[a] += log.talk(i);
                talkN[a]++;
            }
            fcr[a] += log.outcome(i) == ContactLog.RESOLVED && !followed[i] ? 1 : 0;
            if (log.survey(i) > 0) {
                surveys[a]++;
                surveySum[a] += log.survey(i);
            }
            transfers[a] += log.outcome(i) == ContactLog.TRANSFERRED ? 1 : 0;
            escalations[a] += log.outcome(i) == ContactLog.ESCALATED ? 1 : 0;
            if (log.startedUpset(i)) {
                upset[a]++;
                calmed[a] += log.endedCalm(i) ? 1 : 0;
            }
        }
        List<AgentFeatures> out = new ArrayList<>();
        for (int a = 0; a < na; a++) {
            if (n[a] < Math.max(1, minContacts)) {
                continue;
            }
            out.add(new AgentFeatures(log.agentNames().get(a), (int) n[a],
                    talkN[a] == 0 ? 0 : (double) talkSum[a] / talkN[a], (double) fcr[a] / n[a],
                    surveys[a] == 0 ? Double.NaN : (double) surveySum[a] / surveys[a], (double) transfers[a] / n[a],
                    (double) escalations[a] / n[a], upset[a] == 0 ? Double.NaN : (double) calmed[a] / upset[a]));
        }
        out.sort(java.util.Comparator.comparing(AgentFeatures::agent));
        return fillMissing(out);
    }

    /** The indices of the contacts in {@code [from, to)} (epoch seconds). */
    public static int[] window(ContactLog log, long from, long to) {
        int[] idx = new int[log.size()];
        int k = 0;
        for (int i = 0; i < log.size(); i++) {
            if (log.at(i) >= from && log.at(i) < to) {
                idx[k++] = i;
            }
        }
        return Arrays.copyOf(idx, k);
    }

    private static List<AgentFeatures> fillMissing(List<AgentFeatures> in) {
        double s = in.stream().mapToDouble(AgentFeatures::survey).filter(v -> !Double.isNaN(v)).average().orElse(0);
        double r = in.stream().mapToDouble(AgentFeatures::recovery).filter(v -> !Double.isNaN(v)).average().orElse(0);
        return in.stream().map(f -> new AgentFeatures(f.agent, f.contacts, f.handlingSec, f.fcr,
                Double.isNaN(f.survey) ? s : f.survey, f.transfers, f.escalations,
                Double.isNaN(f.recovery) ? r : f.recovery)).toList();
    }

    /** Whether the same customer contacted again about the same topic within the follow-up window. */
    static boolean[] followedUp(ContactLog log) {
        Integer[] order = new Integer[log.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (x, y) -> {
            int c = Integer.compare(log.customer(x), log.customer(y));
            if (c == 0) {
                c = Integer.compare(log.topic(x), log.topic(y));
            }
            return c != 0 ? c : Long.compare(log.at(x), log.at(y));
        });
        boolean[] f = new boolean[log.size()];
        long window = FOLLOW_UP_DAYS * 86_400L;
        for (int k = 0; k + 1 < order.length; k++) {
            int i = order[k];
            int j = order[k + 1];
            f[i] = log.customer(i) == log.customer(j) && log.topic(i) == log.topic(j)
                    && log.at(j) - log.at(i) <= window;
        }
        return f;
    }
}
