package com.callportrait.portrait.gen;

import com.callportrait.portrait.collect.BillRecord;
import com.callportrait.portrait.collect.ComplaintRecord;
import com.callportrait.portrait.collect.CustomerRecord;
import com.callportrait.portrait.collect.EnrichmentRecord;
import com.callportrait.portrait.collect.InteractionRecord;
import com.callportrait.portrait.collect.RecordSink;
import com.callportrait.portrait.collect.TicketRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

/**
 * Generates a reproducible call-centre history customer by customer and streams it into a sink, so
 * a million contacts never sit in memory together. Customer {@code i} depends only on the seed and
 * {@code i}. Thread-safe: {@link #generate(int, int, RecordSink)} ranges may run in parallel into
 * different sinks.
 */
public final class SyntheticGenerator {
    static final int AGENTS = 60;
    /** "agent-%02d" for every agent, formatted once rather than per contact. */
    private static final String[] AGENT_NAMES = java.util.stream.IntStream.range(0, AGENTS)
            .mapToObj(a -> String.format("agent-%02d", a)).toArray(String[]::new);
    private static final long DAY = 86_400L;
    private static final String[] QUEUES = {"billing", "billing", "technical", "technical", "sales", "retention", "care"};
    private static final int COMPLAINT = 6;
    /**
     * Salt of a second random stream per customer for the plan, weekly rhythm and emotion recovery,
     * so adding them left every draw of the main stream (and so every earlier figure) as it was.
     */
    private static final long AUX_SALT = 0x2545F4914F6CDD1DL;
    /** Share of weekend contacts kept on the weekend (Saturday, Sunday); the rest wait until Monday. */
    private static final double[] WEEKEND_KEEP = {0.55, 0.35};
    private static final String[] CALMED = {"okay that makes sense now", "alright that sorts it out",
        "fine i feel better about it now"};
    private static final String[] STILL_UPSET = {"i am still not happy with this", "this is still useless",
        "i am still really frustrated"};
    private static final int MOVE_CLOSE = 5;
    private static final long CHURN_SALT = 0xC4A2_17E5_0BADL;

    private final GeneratorOptions options;
    private final long endSec;
    private final long startSec;

    public SyntheticGenerator(GeneratorOptions options) {
        this.options = options;
        this.endSec = options.end().getEpochSecond();
        this.startSec = endSec - options.days() * DAY;
    }

    public GeneratorOptions options() {
        return options;
    }

    /** Streams every customer into the sink; returns the number of interactions emitted. */
    public long generate(RecordSink sink) {
        return generate(0, options.customers(), sink);
    }

    /** Streams customers {@code [from, to)} into the sink; returns the number of interactions. */
    public long generate(int from, int to, RecordSink sink) {
        long n = 0;
        for (int i = from; i < to; i++) {
            n += customer(i, sink);
        }
        return n;
    }

    public static String customerId(int i) {
        // "C%07d" without a Formatter: this runs once per customer and record batch of a large build
        if (i < 0) {
            return String.format("C%07d", i);
        }
        String digits = Integer.toString(i);
        return digits.length() >= 7 ? "C" + digits : "C" + "0000000".substring(digits.length()) + digits;
    }

    /** The E.164 digits of customer {@code i}'s phone: {@code 1} + area + 7 digits, unique per i. */
    public static String phoneDigits(int i) {
        int area = 201 + (i % 700);
        int local = 2_000_000 + (i / 700) * 7 % 8_000_000;
        return "1" + area + local;
    }

    /** The hidden type of customer {@code i}; for evaluating segmentation only. */
    public static LatentType latentTypeOf(long seed, int i) {
        double u = new SplittableRandom(mix(seed, i) ^ 0x5DEECE66DL).nextDouble();
        double acc = 0;
        for (LatentType t : LatentType.values()) {
            acc += t.weight;
            if (u < acc) {
                return t;
            }
        }
        return LatentType.ORDINARY;
    }

    static long mix(long seed, long i) {
        long z = seed * 0x9E3779B97F4A7C15L + i * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 31)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 29);
    }

    private long customer(int i, RecordSink sink) {
        SplittableRandom rnd = new SplittableRandom(mix(options.seed(), i));
        LatentType type = latentTypeOf(options.seed(), i);
        String id = customerId(i);
        long joined = endSec - (long) ((type == LatentType.POTENTIAL ? 60 + rnd.nextInt(440) : 60 + rnd.nextInt(3600)) * DAY);
        double spend = type.monthlySpend * Math.exp(gauss(rnd) * 0.3);
        double ltv = Math.round(spend * Math.max(1, (endSec - joined) / (30 * DAY)) * 100) / 100.0;
        CustomerRecord crm = new CustomerRecord(id, Names.name(rnd), Names.formatPhone(rnd, phoneDigits(i)),
                tier(type, rnd), language(rnd), Instant.ofEpochSecond(joined), ltv);
        SplittableRandom aux = new SplittableRandom(mix(options.seed(), i) ^ AUX_SALT);
        Plan plan = Plan.draw(type, aux);
        EnrichmentRecord enrichment = enrichment(id, type, rnd, plan);
        List<BillRecord> billList = new ArrayList<>();
        List<Long> lateDue = bills(id, type, spend, joined, rnd, billList);
        Sim sim = new Sim(i, id, type, rnd, aux, plan, "-I");
        sim.schedule(lateDue, joined);
        sim.run();
        // churn draws from its own stream, so the rest of the data set is what it was without it
        SplittableRandom churnRnd = new SplittableRandom(mix(options.seed(), i) ^ CHURN_SALT);
        long closed = ChurnHazard.closure(type, joined, startSec, endSec, sim.interactions, sim.complaints, churnRnd);
        if (closed >= 0) {
            sim.closeAt(closed);
            billList.removeIf(b -> b.issuedAt().getEpochSecond() >= closed);
            long intent = closed - (1 + churnRnd.nextInt(30)) * DAY;
            if (churnRnd.nextDouble() < 0.45 && intent > Math.max(startSec, joined)) {
                // some say they are leaving before they go: the old "asked to move or close" signal
                Sim ask = new Sim(i, id, type, churnRnd, new SplittableRandom(mix(options.seed(), i) ^ AUX_SALT ^ CHURN_SALT),
                        plan, "-X");
                ask.contact(intent, MOVE_CLOSE, false);
                // the weekly rhythm may defer a weekend call to Monday: never past the closure
                ask.interactions.removeIf(r -> r.start().getEpochSecond() >= closed);
                sim.interactions.addAll(ask.interactions);
            }
            double kept = Math.round(spend * Math.max(1, (closed - joined) / (30 * DAY)) * 100) / 100.0;
            crm = new CustomerRecord(crm.customerId(), crm.name(), crm.phone(), crm.tier(), crm.language(),
                    crm.joinedAt(), kept, Instant.ofEpochSecond(closed));
        }
        sink.customer(crm);
        sink.enrichment(enrichment);
        for (BillRecord b : billList) {
            sink.bill(b);
        }
        for (TicketRecord t : sim.tickets) {
            sink.ticket(t);
        }
        for (ComplaintRecord c : sim.complaints) {
            sink.complaint(c);
        }
        for (InteractionRecord r : sim.interactions) {
            emitMaybeDirty(r, rnd, sink);
        }
        return sim.interactions.size();
    }

    private void emitMaybeDirty(InteractionRecord r, SplittableRandom rnd, RecordSink sink) {
        double d = options.dirtyShare();
        if (d == 0 || rnd.nextDouble() >= d) {
            sink.interaction(r);
            return;
        }
        switch (rnd.nextInt(4)) {
            case 0 -> { // duplicate delivery of the same source record
                sink.interaction(r);
                sink.interaction(r);
            }
            case 1 -> sink.interaction(r.with(r.customerId(), r.phone(), r.start(), r.waitSec(), -Math.abs(
                    r.talkSec() == null ? 5 : r.talkSec()), r.survey(), r.channel(), r.outcome()));
            case 2 -> sink.interaction(r.with(r.customerId(), r.phone(), r.start(), r.waitSec(), r.talkSec(), 9,
                    r.channel(), r.outcome()));
            default -> sink.interaction(r.with(r.customerId(), r.phone(), Instant.ofEpochSecond(endSec + 40 * DAY),
                    r.waitSec(), r.talkSec(), r.survey(), r.channel(), r.outcome()));
        }
    }

    private List<Long> bills(String id, LatentType type, double spend, long joined, SplittableRandom rnd,
                             List<BillRecord> out) {
        List<Long> lateDue = new ArrayList<>();
        int months = options.days() / 30;
        for (int m = 0; m < months; m++) {
            long issued = endSec - (months - m) * 30 * DAY;
            if (issued < joined) {
                continue;
            }
            long due = issued + 21 * DAY;
            boolean late = rnd.nextDouble() < type.lateProbability;
            long paid = late ? due + (3 + rnd.nextInt(28)) * DAY : issued + (1 + rnd.nextInt(19)) * DAY;
            if (late) {
                lateDue.add(due);
            }
            double amount = Math.round(spend * (0.85 + 0.3 * rnd.nextDouble()) * 100) / 100.0;
            out.add(new BillRecord(id + "-B" + m, id, Instant.ofEpochSecond(issued), Instant.ofEpochSecond(due),
                    paid > endSec ? null : Instant.ofEpochSecond(paid), amount));
        }
        return lateDue;
    }

    private static EnrichmentRecord enrichment(String id, LatentType type, SplittableRandom rnd, Plan plan) {
        boolean business = rnd.nextDouble() < (type == LatentType.BUSINESS_SENSITIVE ? 0.85 : 0.04);
        String credit = type.lateProbability > 0.2 ? (rnd.nextBoolean() ? "C" : "D") : (rnd.nextBoolean() ? "A" : "B");
        return new EnrichmentRecord(id, Map.of("business", Boolean.toString(business),
                "household", Integer.toString(1 + rnd.nextInt(5)), "credit_band", credit, "plan", plan.wireName));
    }

    private static String tier(LatentType type, SplittableRandom rnd) {
        double u = rnd.nextDouble();
        return switch (type) {
            case HIGH_VALUE -> u < 0.5 ? "platinum" : "gold";
            case BUSINESS_SENSITIVE -> u < 0.3 ? "platinum" : u < 0.8 ? "gold" : "silver";
            case POTENTIAL -> u < 0.3 ? "silver" : "standard";
            default -> u < 0.15 ? "silver" : "standard";
        };
    }

    private static String language(SplittableRandom rnd) {
        double u = rnd.nextDouble();
        return u < 0.80 ? "en" : u < 0.92 ? "es" : "zh";
    }

    /** Agent {@code a}'s chance to resolve (0.55-0.95): the latent quality agent groups should find. */
    static double skill(int a) {
        return 0.55 + 0.4 * ((a * 37) % AGENTS) / (double) AGENTS;
    }

    /** Agent {@code a}'s talk-time factor: skilled agents are a little quicker, with personal spread. */
    static double pace(int a) {
        return 1.25 - 0.5 * (skill(a) - 0.55) + 0.15 * (((a * 13) % 7) / 6.0 - 0.5);
    }

    /** Agent {@code a}'s way with upset callers (0-1), mostly their skill with personal spread. */
    static double recovery(int a) {
        return Math.max(0, Math.min(1, (skill(a) - 0.55) / 0.4 * 0.8 + 0.2 * (((a * 11) % 5) / 4.0)));
    }

    static double gauss(SplittableRandom rnd) {
        double u = Math.max(1e-12, rnd.nextDouble());
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rnd.nextDouble());
    }

    static int poisson(SplittableRandom rnd, double mean) {
        if (mean > 30) {
            return Math.max(0, (int) Math.round(mean + Math.sqrt(mean) * gauss(rnd)));
        }
        double l = Math.exp(-mean);
        double p = 1;
        int k = 0;
        do {
            k++;
            p *= rnd.nextDouble();
        } while (p > l);
        return k - 1;
    }

    /** One customer's contact history, simulated in time order so later events react to earlier ones. */
    private final class Sim {
        private final int index;
        private final String id;
        private final LatentType type;
        private final SplittableRandom rnd;
        private final SplittableRandom aux;
        private final Plan plan;
        private final String phone;
        private final String idPart;
        private final PriorityQueue<long[]> pending = new PriorityQueue<>((a, b) -> Long.compare(a[0], b[0]));
        final List<InteractionRecord> interactions = new ArrayList<>();
        final List<ComplaintRecord> complaints = new ArrayList<>();
        final List<TicketRecord> tickets = new ArrayList<>();
        private int seq;

        Sim(int index, String id, LatentType type, SplittableRandom rnd, SplittableRandom aux, Plan plan,
            String idPart) {
            this.idPart = idPart;
            this.index = index;
            this.id = id;
            this.type = type;
            this.rnd = rnd;
            this.aux = aux;
            this.plan = plan;
            this.phone = "+" + phoneDigits(index);
        }

        /** Queues organic contacts, reactions to late bills and outages; entries are {time, topic, repeat}. */
        void schedule(List<Long> lateDue, long joined) {
            long from = Math.max(startSec, joined);
            double span = (endSec - from) / (double) DAY;
            int n = poisson(rnd, type.callsPerYear * options.callsScale() * span / 365.0);
            for (int k = 0; k < n; k++) {
                pending.add(new long[] {from + (long) (rnd.nextDouble() * (endSec - from)), pickTopic(), 0});
            }
            for (long due : lateDue) {
                if (rnd.nextDouble() < 0.6) {
                    pending.add(new long[] {due + (1 + rnd.nextInt(10)) * DAY, 1, 0});
                }
            }
            int outages = poisson(rnd, type == LatentType.BUSINESS_SENSITIVE ? 2.0 : 0.6);
            for (int k = 0; k < outages; k++) {
                pending.add(new long[] {from + (long) (rnd.nextDouble() * (endSec - from)), 2, 0});
            }
        }

        private int pickTopic() {
            double u = rnd.nextDouble();
            if (aux.nextDouble() < Plan.LINK_SHARE) {
                return plan.topic;
            }
            double acc = 0;
            for (int t = 0; t < type.topicWeights.length; t++) {
                acc += type.topicWeights[t];
                if (u < acc) {
                    return t;
                }
            }
            return 0;
        }

        void run() {
            while (!pending.isEmpty()) {
                long[] e = pending.poll();
                if (e[0] >= endSec) {
                    continue;
                }
                contact(e[0], (int) e[1], e[2] == 1);
            }
        }

        /** Drops everything from the closure on: a closed account calls no more and gets no bills. */
        void closeAt(long closed) {
            interactions.removeIf(r -> r.start().getEpochSecond() >= closed);
            complaints.removeIf(c -> c.openedAt().getEpochSecond() >= closed);
            tickets.removeIf(t -> t.openedAt().getEpochSecond() >= closed);
        }

        private void contact(long dayTime, int topic, boolean repeat) {
            long day = weekday(dayTime - Math.floorMod(dayTime, DAY));
            int hour = (int) Math.max(7, Math.min(21, Math.round(type.preferredHour + 2.5 * gauss(rnd))));
            long t = day + hour * 3600L + rnd.nextInt(3600);
            if (t >= endSec) {
                return;
            }
            String channel = rnd.nextDouble() < type.chatShare ? "chat" : rnd.nextDouble() < 0.05 ? "email" : "voice";
            int wait = channel.equals("email") ? 0 : (int) (-Math.log(Math.max(1e-9, rnd.nextDouble()))
                    * (hour >= 9 && hour <= 12 ? 120 : 60));
            double neg = type.negativeBase + (repeat ? 0.25 : 0) + (wait > 240 ? 0.15 : 0) + (topic == 2 ? 0.1 : 0)
                    + (topic == COMPLAINT ? 0.4 : 0);
            String emotion;
            double u = rnd.nextDouble();
            if (u < neg) {
                emotion = rnd.nextDouble() < 0.3 ? "angry" : "negative";
            } else {
                emotion = rnd.nextDouble() < 0.25 ? "positive" : "neutral";
            }
            int agent = rnd.nextInt(AGENTS);
            double skill = skill(agent);
            double resolveP = skill * (topic == 2 ? 0.75 : 1.0) * (type == LatentType.NEEDS_GUIDANCE ? 0.8 : 1.0)
                    * (topic == COMPLAINT ? 0.7 : 1.0);
            String outcome;
            int talk;
            if (channel.equals("voice") && rnd.nextDouble() < 0.03 + (wait > 300 ? 0.2 : 0)) {
                outcome = "abandoned";
                talk = 0;
            } else {
                double r = rnd.nextDouble();
                outcome = r < resolveP ? "resolved" : r < resolveP + 0.06 ? "transferred"
                        : rnd.nextDouble() < 0.25 ? "escalated" : "unresolved";
                talk = (int) (Math.exp(5.3 + 0.5 * gauss(rnd)) * (topic == 2 || topic == COMPLAINT ? 1.4 : 1.0)
                        * pace(agent));
            }
            Integer survey = null;
            if (!outcome.equals("abandoned") && rnd.nextDouble() < 0.35) {
                double s = (outcome.equals("resolved") ? 4.3 : 2.4) + (emotion.equals("angry") ? -1 : 0)
                        + (emotion.equals("positive") ? 0.5 : 0) + 0.7 * gauss(rnd);
                survey = (int) Math.max(1, Math.min(5, Math.round(s)));
            }
            // Half of the voice calls carry the live emotion reading; the rest rely on the text lexicon.
            String liveEmotion = channel.equals("voice") && rnd.nextBoolean() ? emotion : null;
            boolean hasAgent = !outcome.equals("abandoned");
            interactions.add(new InteractionRecord(id + idPart + (seq++), id, phone, channel, Instant.ofEpochSecond(t),
                    QUEUES[topic], hasAgent ? AGENT_NAMES[agent] : null, wait, talk, outcome, survey,
                    liveEmotion, null, hasAgent ? Transcripts.make(rnd, topic, emotion) + ending(agent, emotion, outcome)
                    : null));
            followUps(t, topic, emotion, outcome);
        }

        /**
         * Busy Mondays, quiet weekends: a weekend contact stays there with {@link #WEEKEND_KEEP},
         * else waits for Monday (a call centre's weekly rhythm; 1970-01-01 was a Thursday).
         */
        private long weekday(long day) {
            int dow = (int) Math.floorMod(day / DAY + 3, 7L); // 0 = Monday
            if (dow >= 5 && aux.nextDouble() >= WEEKEND_KEEP[dow - 5]) {
                return day + (7 - dow) * DAY;
            }
            return day;
        }

        /**
         * How an upset caller's last words sound: the better the agent, the likelier the caller ends
         * calm. Callers who started calm add nothing, so the dominant emotion of a call never changes.
         */
        private String ending(int agent, String emotion, String outcome) {
            if (!emotion.equals("angry") && !emotion.equals("negative")) {
                return "";
            }
            double p = (0.1 + 0.8 * recovery(agent)) * (outcome.equals("resolved") ? 1.0 : 0.6);
            return aux.nextDouble() < p ? " caller: " + CALMED[aux.nextInt(CALMED.length)]
                    : " caller: " + STILL_UPSET[aux.nextInt(STILL_UPSET.length)];
        }

        private void followUps(long t, int topic, String emotion, String outcome) {
            boolean fixed = outcome.equals("resolved");
            if (!fixed && rnd.nextDouble() < 0.55) {
                pending.add(new long[] {t + (1 + rnd.nextInt(7)) * DAY, topic, 1});
            }
            if ((topic == 2 && rnd.nextDouble() < 0.5) || (topic == 3 && rnd.nextDouble() < 0.4)
                    || (topic == 4 && rnd.nextDouble() < 0.3)) {
                long closed = t + (1 + rnd.nextInt(10)) * DAY;
                tickets.add(new TicketRecord(id + "-T" + tickets.size(), id, Instant.ofEpochSecond(t),
                        Transcripts.TOPICS[topic], "ticket for " + Transcripts.TOPICS[topic].replace('_', ' '),
                        closed < endSec && rnd.nextDouble() < 0.85 ? Instant.ofEpochSecond(closed) : null));
            }
            boolean upset = emotion.equals("angry") || emotion.equals("negative");
            double p = topic == COMPLAINT ? 0 : type.complaintPropensity * (upset ? 1.0 : 0.12) * (fixed ? 0.3 : 1.6);
            if (rnd.nextDouble() < Math.min(0.9, p)) {
                long opened = t + rnd.nextInt(3 * 86_400);
                long resolved = opened + (2 + rnd.nextInt(20)) * DAY;
                complaints.add(new ComplaintRecord(id + "-K" + complaints.size(), id, Instant.ofEpochSecond(opened),
                        Transcripts.TOPICS[topic], "complaint about " + Transcripts.TOPICS[topic].replace('_', ' '),
                        resolved < endSec && rnd.nextDouble() < 0.8 ? Instant.ofEpochSecond(resolved) : null));
                pending.add(new long[] {opened, COMPLAINT, 0});
            }
        }
    }
}
