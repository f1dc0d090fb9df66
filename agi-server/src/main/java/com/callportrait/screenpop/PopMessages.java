package com.callportrait.screenpop;

import com.callportrait.live.calls.ActionRecord;
import com.callportrait.live.calls.CallSnapshot;
import com.callportrait.live.calls.EmotionPoint;
import com.callportrait.live.calls.Utterance;
import com.callportrait.profile.CustomerProfile;
import com.callportrait.profile.NextContact;
import com.callportrait.profile.NextAction;
import com.callportrait.profile.OpenIssue;
import com.callportrait.profile.PhoneNumbers;
import com.callportrait.profile.Tag;
import com.callportrait.profile.TopicOutcome;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;

/**
 * The JSON messages pushed to the pages (one object per WebSocket text frame, field {@code type}:
 * {@code pop}, {@code transcript}, {@code emotion}, {@code intent}, {@code alert}, {@code done},
 * {@code ended}, {@code calls}). Every message about a call carries its escalation so far
 * ({@code escalation}, the highest reading's) where it carries emotion, and its live intent
 * ({@code intent}: topic, confidence, evidence) or {@code null}. Stateless and thread-safe.
 */
public final class PopMessages {
    static final ObjectMapper JSON = new ObjectMapper();

    private PopMessages() {
    }

    /** The screen pop: who is calling, the portrait, and what was said and felt so far. */
    public static ObjectNode pop(CallSnapshot c, Instant now) {
        ObjectNode n = base("pop", c);
        n.put("at", now.toString()); // when the pop was built: its latency to the page is measured from here
        n.put("state", c.state().wireName());
        n.put("queue", c.queue());
        n.put("waitSeconds", c.waitSeconds(now));
        n.put("priority", c.priority());
        n.put("vip", c.vip());
        n.put("segment", c.segment());
        ObjectNode caller = n.putObject("caller");
        caller.put("name", c.profile().map(CustomerProfile::name).filter(s -> !s.isEmpty()).orElse(c.callerName()));
        caller.put("phone", mask(c.phone()));
        c.profile().ifPresentOrElse(p -> portrait(n.putObject("customer"), p), () -> n.putNull("customer"));
        ArrayNode t = n.putArray("transcript");
        c.transcript().forEach(u -> t.add(utterance(u, c.agentTapped())));
        ArrayNode e = n.putArray("emotions");
        c.emotions().forEach(p -> e.add(emotion(p)));
        n.put("escalation", c.escalation());
        intent(n, c);
        return n;
    }

    /** The call's live intent changed (topic, confidence or evidence). */
    public static ObjectNode intent(CallSnapshot c) {
        return intent(base("intent", c), c);
    }

    private static ObjectNode intent(ObjectNode n, CallSnapshot c) {
        c.intent().ifPresentOrElse(i -> {
            ObjectNode o = n.putObject("intent").put("topic", i.topic()).put("confidence", i.confidence())
                    .put("utterance", i.utterance());
            ArrayNode ev = o.putArray("evidence");
            i.evidence().forEach(ev::add);
        }, () -> n.putNull("intent"));
        return n;
    }

    /**
     * The portrait part of the pop. A learned part the portrait does not have yet (no model trained)
     * is {@code null}, its reason under {@code unavailable}: the page shows "not available yet", never a
     * placeholder as if it were a score.
     */
    private static void portrait(ObjectNode o, CustomerProfile p) {
        o.put("id", p.customerId());
        o.put("name", p.name());
        o.put("tier", p.tier().wireName());
        o.put("segment", p.segment());
        o.put("lifetimeValue", p.lifetimeValue());
        o.put("valueScore", p.valueScore());
        o.put("loyaltyScore", p.loyaltyScore());
        o.put("complaintRisk", p.complaintRisk());
        o.put("churnRisk", p.churnRisk());
        p.tags().stream().filter(t -> t.name().startsWith("churn-risk-") || t.name().equals("account-closed"))
                .findFirst().ifPresent(t -> o.put("churnRiskReason", t.explanation()));
        NextContact nc = p.nextContact();
        o.putObject("nextContact").put("within7d", nc.within7d()).put("within30d", nc.within30d())
                .put("likelyReason", nc.reasonInWords()).put("explanation", nc.explanation());
        ObjectNode unavailable = o.putObject("unavailable");
        p.unavailable().forEach((part, reason) -> {
            o.putNull(part);
            unavailable.put(part, reason);
        });
        o.put("language", p.language());
        ArrayNode tags = o.putArray("tags");
        for (Tag t : p.tags()) {
            tags.addObject().put("family", t.family()).put("name", t.name()).put("explanation", t.explanation());
        }
        ArrayNode issues = o.putArray("openIssues");
        for (OpenIssue i : p.openIssues()) {
            issues.addObject().put("id", i.id()).put("topic", i.topic()).put("summary", i.summary())
                    .put("openedAt", i.openedAt().toString());
        }
        ArrayNode topics = o.putArray("lastTopics");
        for (TopicOutcome t : p.lastTopics()) {
            ObjectNode topic = topics.addObject().put("topic", t.topic()).put("outcome", t.outcome())
                    .put("at", t.at().toString());
            if (!t.resolution().isEmpty()) {
                topic.put("resolution", t.resolution()); // how it was solved, as the agent noted it
            }
        }
        NextAction next = nextBestAction(p);
        o.put("nextBestAction", next.action());
        o.put("nextBestActionReason", next.reason());
    }

    /**
     * The portrait engine's next-best action with its reason. A portrait the engine never built (an
     * imported customer nobody has called about since) has none: then a hint from what the stored
     * portrait shows, the open issue first, then a recent unresolved topic, else nothing.
     */
    static NextAction nextBestAction(CustomerProfile p) {
        if (!p.nextBestAction().isBlank()) {
            return NextAction.parse(p.nextBestAction());
        }
        if (!p.openIssues().isEmpty()) {
            OpenIssue i = p.openIssues().get(0);
            return new NextAction("Open " + i.topic() + " issue " + i.id() + ": confirm its status before anything"
                    + " else.", "open since " + i.openedAt().toString().substring(0, 10));
        }
        for (TopicOutcome t : p.lastTopics()) {
            if (!t.outcome().equalsIgnoreCase("resolved")) {
                return new NextAction("Last " + t.topic() + " contact ended '" + t.outcome() + "': check it was fixed.",
                        "last " + t.topic() + " contact " + t.outcome());
            }
        }
        return new NextAction("", "");
    }

    public static ObjectNode transcript(CallSnapshot c) {
        ObjectNode n = base("transcript", c);
        List<Utterance> t = c.transcript();
        if (!t.isEmpty()) {
            n.set("utterance", utterance(t.get(t.size() - 1), c.agentTapped()));
        }
        return n;
    }

    public static ObjectNode emotion(CallSnapshot c) {
        ObjectNode n = base("emotion", c);
        c.lastEmotion().ifPresent(p -> n.set("emotion", emotion(p)));
        n.put("escalating", c.escalating());
        n.put("escalation", c.escalation());
        return n;
    }

    public static ObjectNode alert(CallSnapshot c, String rule, String message) {
        return base("alert", c).put("rule", rule).put("message", message).put("agent", c.agent());
    }

    public static ObjectNode simple(String type, CallSnapshot c) {
        return base(type, c);
    }

    /** The supervisor's table. */
    public static ObjectNode calls(List<CallSnapshot> all, Instant now) {
        ObjectNode n = JSON.createObjectNode().put("type", "calls").put("at", now.toString());
        ArrayNode a = n.putArray("calls");
        for (CallSnapshot c : all) {
            a.add(summary(c, now));
        }
        return n;
    }

    /** One row of {@code /api/calls} and of the supervisor's table. */
    public static ObjectNode summary(CallSnapshot c, Instant now) {
        ObjectNode o = JSON.createObjectNode();
        o.put("call", c.callId()).put("channel", c.channel()).put("uniqueid", c.uniqueId())
                .put("linkedid", c.linkedId()).put("phone", mask(c.phone())).put("caller", c.callerName())
                .put("customer", c.profile().map(CustomerProfile::customerId).orElse(""))
                .put("state", c.state().wireName()).put("queue", c.queue()).put("position", c.position())
                .put("priority", c.priority()).put("vip", c.vip()).put("segment", c.segment())
                .put("agent", c.agent()).put("waitSeconds", c.waitSeconds(now))
                .put("complaintRisk", c.profile().map(CustomerProfile::complaintRisk).orElse(0.0))
                .put("escalating", c.escalating()).put("escalation", c.escalation());
        c.lastEmotion().ifPresent(p -> o.set("emotion", emotion(p)));
        intent(o, c);
        List<Utterance> t = c.transcript();
        o.put("lastUtterance", t.isEmpty() ? "" : t.get(t.size() - 1).text());
        ArrayNode acts = o.putArray("actions");
        for (ActionRecord r : c.actions()) {
            acts.addObject().put("rule", r.rule()).put("kind", r.kind()).put("detail", r.detail())
                    .put("outcome", r.outcome()).put("at", r.at().toString());
        }
        return o;
    }

    private static ObjectNode base(String type, CallSnapshot c) {
        return JSON.createObjectNode().put("type", type).put("call", c.callId());
    }

    /** One transcript line; {@code speakers}: the agent's leg is tapped, so the line says whose words it is. */
    private static ObjectNode utterance(Utterance u, boolean speakers) {
        ObjectNode n = JSON.createObjectNode().put("n", u.number()).put("text", u.text()).put("final", u.isFinal());
        if (speakers) {
            n.put("speaker", u.speaker().wireName());
        }
        return n;
    }

    private static ObjectNode emotion(EmotionPoint p) {
        return JSON.createObjectNode().put("label", p.reading().label().wireName())
                .put("valence", p.reading().valence()).put("arousal", p.reading().arousal())
                .put("confidence", p.reading().confidence()).put("escalation", p.reading().escalation())
                .put("utterance", p.utterance());
    }

    /**
     * Enough to correlate, not enough to identify: {@link PhoneNumbers#mask} (the last four digits;
     * a Chinese mobile as {@code 138****8000}).
     */
    static String mask(String phone) {
        return PhoneNumbers.mask(phone);
    }

    static String text(ObjectNode n) {
        return n.toString();
    }
}
