package com.callportrait.portrait.insights;

import com.callportrait.portrait.engine.HistoryIngest;
import com.callportrait.portrait.semantic.Contact;
import com.callportrait.portrait.semantic.EmotionLexicon;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The accepted contacts of a build in columns (about 30 bytes a contact): when, which customer,
 * topic, agent, channel, outcome, survey, talk time, and whether an upset caller ended calm. Fed
 * as an observer of the build ({@link HistoryIngest.SemanticInteraction}); read by the insight
 * algorithms by index. Emotion recovery: a contact "starts upset" when its dominant emotion is
 * angry or negative; it "ends calm" when the caller's last utterance in the transcript reads
 * neutral or positive to the {@link EmotionLexicon} (a contact with one caller utterance cannot
 * end other than it started).
 *
 * <p>Not thread-safe: one feeding thread, then read-only (as the build's observer is called).
 */
public final class ContactLog implements Consumer<HistoryIngest.SemanticInteraction> {
    /** Outcome codes. */
    static final byte RESOLVED = 0;
    static final byte UNRESOLVED = 1;
    static final byte TRANSFERRED = 2;
    static final byte ESCALATED = 3;
    static final byte ABANDONED = 4;
    static final byte OTHER = 5;

    private final EmotionLexicon lexicon;
    private final Map<String, Integer> customerIds = new HashMap<>();
    private final List<String> customers = new ArrayList<>();
    private final Names topics = new Names();
    private final Names agents = new Names();
    private final Names channels = new Names();
    private int size;
    private long[] at = new long[1024];
    private int[] customer = new int[1024];
    private short[] topic = new short[1024];
    private short[] agent = new short[1024];
    private byte[] channel = new byte[1024];
    private byte[] outcome = new byte[1024];
    private byte[] survey = new byte[1024];
    private int[] talk = new int[1024];
    /** bit 0: started upset; bit 1: ended calm. */
    private byte[] mood = new byte[1024];

    public ContactLog(EmotionLexicon lexicon) {
        this.lexicon = java.util.Objects.requireNonNull(lexicon, "lexicon");
    }

    @Override
    public void accept(HistoryIngest.SemanticInteraction s) {
        Contact c = s.contact();
        String a = s.record().agent();
        add(s.customerId(), c.at(), c.topic(), a, c.channel(), c.outcome(), c.survey(), c.talkSec(), c.negative(),
                c.negative() && endsCalm(s.record().transcript()));
    }

    /** Adds one contact; {@code agent} may be null (abandoned, IVR). Exposed for tests and replays. */
    public void add(String customerId, long epochSec, String topicName, String agentName, String channelName,
                    String outcomeWord, int surveyScore, int talkSec, boolean startedUpset, boolean endedCalm) {
        if (size == at.length) {
            grow();
        }
        int ci = customerIds.computeIfAbsent(customerId == null ? "" : customerId, k -> {
            customers.add(k);
            return customers.size() - 1;
        });
        at[size] = epochSec;
        customer[size] = ci;
        topic[size] = (short) topics.id(topicName);
        agent[size] = (short) (agentName == null ? -1 : agents.id(agentName));
        channel[size] = (byte) channels.id(channelName);
        outcome[size] = switch (outcomeWord) {
            case "resolved" -> RESOLVED;
            case "unresolved" -> UNRESOLVED;
            case "transferred" -> TRANSFERRED;
            case "escalated" -> ESCALATED;
            case "abandoned" -> ABANDONED;
            default -> OTHER;
        };
        survey[size] = (byte) surveyScore;
        talk[size] = talkSec;
        mood[size] = (byte) ((startedUpset ? 1 : 0) | (endedCalm ? 2 : 0));
        size++;
    }

    private boolean endsCalm(String transcript) {
        if (transcript == null) {
            return false;
        }
        int first = transcript.indexOf("caller:");
        int last = transcript.lastIndexOf("caller:");
        if (last < 0 || last == first) {
            return false;
        }
        int end = transcript.indexOf("agent:", last);
        String label = lexicon.classify(transcript.substring(last, end < 0 ? transcript.length() : end));
        return label.equals("neutral") || label.equals("positive");
    }

    private void grow() {
        int n = at.length * 2;
        at = Arrays.copyOf(at, n);
        customer = Arrays.copyOf(customer, n);
        topic = Arrays.copyOf(topic, n);
        agent = Arrays.copyOf(agent, n);
        channel = Arrays.copyOf(channel, n);
        outcome = Arrays.copyOf(outcome, n);
        survey = Arrays.copyOf(survey, n);
        talk = Arrays.copyOf(talk, n);
        mood = Arrays.copyOf(mood, n);
    }

    public int size() {
        return size;
    }

    long at(int i) {
        return at[i];
    }

    int customer(int i) {
        return customer[i];
    }

    String customerId(int customerIndex) {
        return customers.get(customerIndex);
    }

    int customers() {
        return customers.size();
    }

    int topic(int i) {
        return topic[i];
    }

    /** Agent index, -1 for none. */
    int agent(int i) {
        return agent[i];
    }

    String channel(int i) {
        return channels.name(channel[i]);
    }

    byte outcome(int i) {
        return outcome[i];
    }

    int survey(int i) {
        return survey[i];
    }

    int talk(int i) {
        return talk[i];
    }

    boolean startedUpset(int i) {
        return (mood[i] & 1) != 0;
    }

    boolean endedCalm(int i) {
        return (mood[i] & 2) != 0;
    }

    List<String> topicNames() {
        return topics.names;
    }

    List<String> agentNames() {
        return agents.names;
    }

    /** Earliest and latest contact time (epoch seconds); {0, 0} when empty. */
    long[] span() {
        long lo = Long.MAX_VALUE;
        long hi = Long.MIN_VALUE;
        for (int i = 0; i < size; i++) {
            lo = Math.min(lo, at[i]);
            hi = Math.max(hi, at[i]);
        }
        return size == 0 ? new long[] {0, 0} : new long[] {lo, hi};
    }

    /** Interned names with dense ids. */
    private static final class Names {
        final Map<String, Integer> ids = new HashMap<>();
        final List<String> names = new ArrayList<>();

        int id(String name) {
            return ids.computeIfAbsent(name == null ? "unknown" : name, k -> {
                names.add(k);
                return names.size() - 1;
            });
        }

        String name(int id) {
            return names.get(id);
        }
    }
}
