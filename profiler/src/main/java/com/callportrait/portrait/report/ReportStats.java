package com.callportrait.portrait.report;

import com.callportrait.portrait.engine.HistoryIngest;
import com.callportrait.portrait.semantic.Contact;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Statistics for the report, fed with every accepted interaction of a build: per agent (contacts
 * handled, resolved, survey answers, talk time) and per topic, contacts in each of the last eight
 * weeks before {@code asOf}. Memory is bounded by agents x topics. Not thread-safe: the build feeds
 * it from its one reading thread.
 */
public final class ReportStats implements Consumer<HistoryIngest.SemanticInteraction> {
    static final int WEEKS = 8;

    /** One agent's totals. */
    public static final class Agent {
        long contacts;
        long resolved;
        long surveys;
        long surveySum;
        long talkCount;
        long talkSum;

        public double resolutionRate() {
            return contacts == 0 ? 0 : (double) resolved / contacts;
        }

        public double satisfaction() {
            return surveys == 0 ? Double.NaN : (double) surveySum / surveys;
        }

        public double handlingSec() {
            return talkCount == 0 ? Double.NaN : (double) talkSum / talkCount;
        }

        public long contacts() {
            return contacts;
        }
    }

    private final long asOf;
    private final Map<String, Agent> agents = new TreeMap<>();
    private final Map<String, long[]> topicWeeks = new TreeMap<>();

    public ReportStats(Instant asOf) {
        this.asOf = asOf.getEpochSecond();
    }

    @Override
    public void accept(HistoryIngest.SemanticInteraction s) {
        Contact c = s.contact();
        String agent = s.record().agent();
        if (agent != null) {
            Agent a = agents.computeIfAbsent(agent, k -> new Agent());
            a.contacts++;
            a.resolved += c.outcome().equals("resolved") ? 1 : 0;
            if (c.survey() > 0) {
                a.surveys++;
                a.surveySum += c.survey();
            }
            if (c.talkSec() >= 0) {
                a.talkCount++;
                a.talkSum += c.talkSec();
            }
        }
        long age = asOf - c.at();
        if (age >= 0) {
            int week = (int) (age / (7 * 86_400L));
            if (week < WEEKS) {
                topicWeeks.computeIfAbsent(c.topic(), k -> new long[WEEKS])[week]++;
            }
        }
    }

    public Map<String, Agent> agents() {
        return agents;
    }

    /** Topic to contacts per week, index 0 = the last seven days. */
    public Map<String, long[]> topicWeeks() {
        return topicWeeks;
    }
}
