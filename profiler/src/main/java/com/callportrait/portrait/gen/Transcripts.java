package com.callportrait.portrait.gen;

import java.util.SplittableRandom;

/**
 * Short redacted transcripts in call-centre language. Several phrasings per topic, some of which
 * mention another topic's words in passing, so a classifier has real ambiguity to resolve.
 * Stateless and thread-safe.
 */
final class Transcripts {
    static final String[] TOPICS = {"billing", "payment", "outage", "meter", "new_service", "move_close", "complaint"};

    private static final String[][] CALLER = {
        { // billing
            "my bill is much higher than last month and i do not understand the charges",
            "i was charged twice on this invoice can you explain the extra fee",
            "there is a charge on my statement i do not recognise",
            "why did my monthly bill go up i did not change my plan",
            "i need a copy of my invoice and the breakdown of the charges",
            "the bill shows an estimated amount that looks wrong",
        },
        { // payment
            "i want to set up a payment plan because i cannot pay the full amount",
            "i paid last week but the payment is not showing on my account",
            "can i change my direct debit date to the end of the month",
            "my card was declined when i tried to pay online",
            "i got a late payment notice but i already paid",
            "how do i pay my balance over the phone",
        },
        { // outage
            "the power has been out since this morning at my address",
            "my internet keeps dropping and the connection is down again",
            "there is no service in my area is there an outage",
            "the line is dead and i need a technician to repair it",
            "we lost supply again this is the third outage this month",
            "when will the service be restored the outage is still going",
        },
        { // meter
            "i want to submit a meter reading",
            "the meter reading on my bill is wrong the meter says something different",
            "my smart meter stopped sending readings",
            "i need someone to replace the faulty meter",
            "can you book an engineer to check the meter",
        },
        { // new_service
            "i would like to add a new line to my account",
            "what packages do you offer for faster broadband",
            "i want to upgrade my plan and add the premium bundle",
            "can you connect service at my new business location as well",
            "i am interested in the solar tariff you advertised",
        },
        { // move_close
            "i am moving house next month and need to transfer my service",
            "i want to close my account and cancel the contract",
            "please disconnect the service at my old address",
            "i am thinking of switching to another provider what is the cancellation fee",
            "we are moving out and need a final meter reading and final bill",
        },
        { // complaint
            "i want to make a formal complaint about how my case was handled",
            "nobody called me back as promised i want to speak to a supervisor",
            "this is the third time i am calling about the same problem and it is still not fixed",
            "your technician never showed up and i want to complain",
            "i want to escalate this complaint the service has been terrible",
        },
    };

    private static final String[] AGENT = {
        "agent: thank you for calling let me pull up your account",
        "agent: i understand let me check that for you",
        "agent: thanks for your patience i can see the issue on my screen",
        "agent: i am sorry for the trouble let me see what i can do",
    };

    private static final String[] NEGATIVE = {
        "this is ridiculous", "i am really frustrated", "i am so annoyed with this", "this is unacceptable",
        "i have been waiting forever", "i am fed up",
    };
    private static final String[] ANGRY = {
        "this is absolutely outrageous", "i am furious", "this is the worst service ever",
    };
    private static final String[] POSITIVE = {
        "thank you so much that is great", "perfect thanks for your help", "brilliant that solves it",
        "you have been very helpful",
    };
    private static final String[] CLOSING = {
        "agent: is there anything else i can help with today",
        "agent: i have made a note on your account",
        "agent: you will receive a confirmation by email",
    };

    private Transcripts() {
    }

    static int topicIndex(String topic) {
        for (int i = 0; i < TOPICS.length; i++) {
            if (TOPICS[i].equals(topic)) {
                return i;
            }
        }
        throw new IllegalArgumentException("unknown topic " + topic);
    }

    /** A transcript for the topic, coloured by the caller's emotion. */
    static String make(SplittableRandom rnd, int topic, String emotion) {
        StringBuilder sb = new StringBuilder(200);
        String[] lines = CALLER[topic];
        sb.append("caller: ").append(lines[rnd.nextInt(lines.length)]);
        switch (emotion) {
            case "angry" -> sb.append(' ').append(ANGRY[rnd.nextInt(ANGRY.length)]);
            case "negative" -> sb.append(' ').append(NEGATIVE[rnd.nextInt(NEGATIVE.length)]);
            default -> { }
        }
        sb.append(' ').append(AGENT[rnd.nextInt(AGENT.length)]);
        if (rnd.nextInt(4) == 0) {
            // a second caller sentence on a different topic: the noise a classifier must see past
            int other = rnd.nextInt(TOPICS.length - 1);
            String[] o = CALLER[other];
            String[] words = o[rnd.nextInt(o.length)].split(" ");
            sb.append(" caller: and while i have you");
            for (int w = Math.max(0, words.length - 4); w < words.length; w++) {
                sb.append(' ').append(words[w]);
            }
        }
        if ("positive".equals(emotion)) {
            sb.append(" caller: ").append(POSITIVE[rnd.nextInt(POSITIVE.length)]);
        }
        sb.append(' ').append(CLOSING[rnd.nextInt(CLOSING.length)]);
        return sb.toString();
    }
}
