package com.callportrait.portrait.insights;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What customers are calling about now: per topic, contacts in the last day and week before
 * {@code asOf} and their change (the last day against the same weekday a week earlier, so a busy
 * Monday is not "rising"; the last seven days against the seven before), ranked by volume and by
 * weekly change; plus contacts per topic per day for the last {@value #DAYS} days (the heat map).
 * Stateless and thread-safe.
 */
public final class DemandHeat {
    public static final int DAYS = 28;
    /** Topics with fewer contacts over the two weeks are not ranked by change (a 2 -> 4 jump is noise). */
    public static final int MIN_FOR_CHANGE = 20;
    private static final long DAY = 86_400L;

    /**
     * One topic's demand. Immutable.
     *
     * @param topic       topic
     * @param lastDay     contacts in the 24 h before asOf
     * @param weekAgoDay  contacts in the same 24 h one week earlier
     * @param lastWeek    contacts in the 7 days before asOf
     * @param prevWeek    contacts in the 7 days before that
     * @param dayChange   (lastDay - weekAgoDay) / weekAgoDay, NaN when weekAgoDay is 0
     * @param weekChange  (lastWeek - prevWeek) / prevWeek, NaN when prevWeek is 0
     */
    public record TopicHeat(String topic, int lastDay, int weekAgoDay, int lastWeek, int prevWeek, double dayChange,
                            double weekChange) { }

    /**
     * The demand heat at one time. Immutable.
     *
     * @param asOf       epoch seconds the windows end at
     * @param byVolume   topics, most contacts in the last week first
     * @param byChange   topics with enough volume, largest weekly rise first
     * @param dayStarts  epoch seconds of the start of each heat-map day, oldest first
     * @param daily      topic to contacts per heat-map day
     */
    public record Heat(long asOf, List<TopicHeat> byVolume, List<TopicHeat> byChange, long[] dayStarts,
                       Map<String, int[]> daily) {
        public Heat {
            byVolume = List.copyOf(byVolume);
            byChange = List.copyOf(byChange);
            daily = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(daily));
        }
    }

    private DemandHeat() {
    }

    public static Heat of(ContactLog log, long asOf) {
        List<String> topics = log.topicNames();
        int[][] days = new int[topics.size()][DAYS];
        for (int i = 0; i < log.size(); i++) {
            long age = asOf - 1 - log.at(i);
            if (age >= 0 && age < DAYS * DAY) {
                days[log.topic(i)][DAYS - 1 - (int) (age / DAY)]++;
            }
        }
        List<TopicHeat> heats = new ArrayList<>();
        Map<String, int[]> daily = new LinkedHashMap<>();
        for (int t = 0; t < topics.size(); t++) {
            int[] d = days[t];
            int lastDay = d[DAYS - 1];
            int weekAgo = d[DAYS - 8];
            int lastWeek = sum(d, DAYS - 7, DAYS);
            int prevWeek = sum(d, DAYS - 14, DAYS - 7);
            heats.add(new TopicHeat(topics.get(t), lastDay, weekAgo, lastWeek, prevWeek, change(lastDay, weekAgo),
                    change(lastWeek, prevWeek)));
        }
        heats.sort(Comparator.comparingInt(TopicHeat::lastWeek).reversed().thenComparing(TopicHeat::topic));
        for (TopicHeat h : heats) {
            daily.put(h.topic(), days[topics.indexOf(h.topic())]);
        }
        List<TopicHeat> byChange = heats.stream().filter(h -> h.lastWeek() + h.prevWeek() >= MIN_FOR_CHANGE
                && !Double.isNaN(h.weekChange())).sorted(Comparator.comparingDouble(TopicHeat::weekChange).reversed()
                .thenComparing(TopicHeat::topic)).toList();
        long[] starts = new long[DAYS];
        for (int k = 0; k < DAYS; k++) {
            starts[k] = asOf - (DAYS - k) * DAY;
        }
        return new Heat(asOf, heats, byChange, starts, daily);
    }

    private static int sum(int[] d, int from, int to) {
        int s = 0;
        for (int k = from; k < to; k++) {
            s += d[k];
        }
        return s;
    }

    private static double change(int now, int before) {
        return before == 0 ? Double.NaN : (now - before) / (double) before;
    }
}
