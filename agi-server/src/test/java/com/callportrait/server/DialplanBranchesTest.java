package com.callportrait.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.callportrait.live.calls.AmiCallTracker;
import com.callportrait.server.Dialplan.Outcome;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The shipped Asterisk snippets ({@code asterisk-conf/}) walked branch by branch, with Asterisk's
 * part played as recorded from a real Asterisk 22.10.1 ({@code asterisk/dialplan-check.log}, the
 * output of {@code asterisk-conf/check/run-check.sh}): what QUEUESTATUS Queue() leaves, what
 * AGISTATUS an unreachable server gives, and that a watchdog timeout continues at {@code T}.
 */
class DialplanBranchesTest {
    static final Path CONF = Path.of("..", "asterisk-conf");
    static final String RECORDED = "/asterisk/dialplan-check.log";

    /** Plays Asterisk: AGI results and Queue() statuses in call order; records every application. */
    static final class Pbx implements BiFunction<String, String, Outcome> {
        final Deque<Object> agi = new ArrayDeque<>();
        final Deque<String> queue = new ArrayDeque<>();
        Dialplan d;

        Pbx agi(Object result) {
            agi.add(result);
            return this;
        }

        Pbx queue(String status) {
            queue.add(status);
            return this;
        }

        @Override
        @SuppressWarnings("unchecked")
        public Outcome apply(String app, String args) {
            switch (app) {
                case "AGI" -> {
                    Object r = agi.isEmpty() ? "FAILURE" : agi.poll();
                    if (r.equals("TIMEOUT")) {
                        d.vars.put("AGISTATUS", "HANGUP"); // what res_agi sets when it leaves on the timeout
                        return Outcome.TIMEOUT;
                    }
                    if (r instanceof Map<?, ?> m) {
                        d.vars.putAll((Map<String, String>) m);
                        d.vars.put("AGISTATUS", "SUCCESS");
                    } else {
                        d.vars.put("AGISTATUS", (String) r);
                    }
                    return Outcome.CONTINUE;
                }
                case "Queue" -> {
                    String s = queue.isEmpty() ? "ANSWERED" : queue.poll();
                    if (s.equals("ANSWERED")) {
                        return Outcome.HANGUP; // answered without option c: Queue() hangs up with the agent
                    }
                    d.vars.put("QUEUESTATUS", s);
                    return Outcome.CONTINUE;
                }
                default -> {
                    return Outcome.CONTINUE;
                }
            }
        }
    }

    static Dialplan walk(Pbx pbx, Map<String, String> globals, String context, String exten) throws IOException {
        Dialplan d = Dialplan.read(CONF.resolve("extensions_callportrait.conf"));
        d.globals.putAll(globals);
        pbx.d = d;
        d.walk(context, exten, pbx);
        return d;
    }

    static Map<String, String> routed(String queue) {
        return Map.of("CP_UUID", "0b5c1c1e-6a9e-4f6b-9d37-3f4b8a1c2d3e", "CP_QUEUE", queue, "CP_PRIORITY", "5",
                "CP_VIP", "0", "CP_DEGRADED", "0");
    }

    static List<String> apps(Dialplan d, String prefix) {
        return d.trace.stream().filter(t -> t.startsWith(prefix)).toList();
    }

    static String recorded() throws IOException {
        try (var in = DialplanBranchesTest.class.getResourceAsStream(RECORDED)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void theRecordingShowsWhatAsterisk22SetsInEachCase() throws IOException {
        String log = recorded();
        assertThat(log).contains("Asterisk 22.10.1")
                // agent hung up, option c: the caller continues with CONTINUE
                .contains("after QUEUESTATUS=CONTINUE")
                // a queue that does not exist: UNKNOWN, not JOINUNAVAIL
                .contains("Unable to join queue 'no-such-queue'").contains("QUEUESTATUS=UNKNOWN")
                // nothing listening: FAILURE after the connect attempt
                .contains("Couldn't connect to any host.  FastAGI failed.").contains("Return(\"Local/5553000")
                // a server that accepts and hangs: the watchdog's T
                .contains("Executing [T@callportrait-route:1]")
                // the live loop's AMI Redirect of a caller reporting a gas smell lands in the emergency context
                .contains("CallPortrait gas emergency: Local/5556000")
                .contains("Queue(\"Local/5556000@from-trunk-00000015;2\", \"emergency,")
                .contains("cp_live_actions_total{kind=\"redirect\",outcome=\"ok\"} 1.0")
                // and its QueueChangePriorityCaller of a waiting caller who asks for a manager
                .contains("(wait: 0:15, prio: 20)")
                .contains("after: cp_live_actions_total{kind=\"raise_priority\",outcome=\"ok\"} 1.0");
    }

    @Test
    void anAgentHangUpWithOptionCRunsTheSurvey() throws IOException {
        Pbx pbx = new Pbx().agi(routed("billing")).queue(status("after QUEUESTATUS=(\\w+)")).agi(Map.of("CP_SURVEY_SCORE", "4"));
        Dialplan d = walk(pbx, Map.of("CP_SURVEY", "yes"), "callportrait-inbound", "5551234");
        assertThat(apps(d, "Queue(")).containsExactly("Queue(billing,c,,,300,,)");
        assertThat(apps(d, "AGI(")).containsExactly("AGI(agi://127.0.0.1:4573/route)",
                "AGI(agi://127.0.0.1:4573/survey,cp-survey)");
        assertThat(d.trace).contains("Playback(goodbye)").endsWith("hangup");
    }

    @Test
    void withoutTheSurveyQueueGetsNoOptionCAndAnAnsweredCallEndsWithTheAgent() throws IOException {
        Dialplan d = walk(new Pbx().agi(routed("billing")).queue("ANSWERED"), Map.of(), "callportrait-inbound", "5551234");
        assertThat(apps(d, "Queue(")).containsExactly("Queue(billing,,,,300,,)");
        assertThat(apps(d, "AGI(")).hasSize(1);
        assertThat(d.trace).last().isEqualTo("hangup");
    }

    @Test
    void aQueueThatDoesNotExistFallsBackToTheDefaultQueue() throws IOException {
        String unknown = status("queue no-such-queue: QUEUESTATUS=(\\w+)");
        assertThat(unknown).isEqualTo("UNKNOWN");
        Dialplan d = walk(new Pbx().agi(routed("no-such-queue")).queue(unknown).queue("ANSWERED"), Map.of(),
                "callportrait-inbound", "5552000");
        assertThat(apps(d, "Queue(")).containsExactly("Queue(no-such-queue,,,,300,,)", "Queue(support,,,,300,,)");
        assertThat(d.vars).containsEntry("QUEUE_PRIO", "5");
    }

    @ParameterizedTest
    @ValueSource(strings = {"UNKNOWN", "JOINUNAVAIL", "JOINEMPTY", "FULL", "TIMEOUT", "LEAVEEMPTY", "LEAVEUNAVAIL"})
    void everyStatusThatLeavesTheCallerUnservedTriesTheDefaultQueueOnceThenTheUnroutedContext(String status)
            throws IOException {
        Dialplan d = walk(new Pbx().agi(routed("technical")).queue(status).queue(status), Map.of(),
                "callportrait-inbound", "5550001");
        assertThat(apps(d, "Queue(")).containsExactly("Queue(technical,,,,300,,)", "Queue(support,,,,300,,)");
        assertThat(d.trace).contains("goto callportrait-unrouted,s,1").last().isEqualTo("hangup");
    }

    @Test
    void aWithdrawnCallerIsNotQueuedAgain() throws IOException {
        Dialplan d = walk(new Pbx().agi(routed("technical")).queue("WITHDRAW"), Map.of(), "callportrait-inbound", "5550002");
        assertThat(apps(d, "Queue(")).hasSize(1);
        assertThat(d.trace).contains("goto callportrait-unrouted,s,1");
    }

    @Test
    void anUnreachableServerRoutesOnDefaultsWithoutATap() throws IOException {
        assertThat(recorded()).containsPattern("Return\\(\"Local/5553000[^\"]*\", \"FAILURE\"\\)");
        Dialplan d = walk(new Pbx().agi("FAILURE").queue("ANSWERED"), Map.of(), "callportrait-inbound", "5553000");
        assertThat(apps(d, "Queue(")).containsExactly("Queue(support,,,,300,,)");
        assertThat(d.vars).containsEntry("CP_DEGRADED", "1").containsEntry("QUEUE_PRIO", "0");
        assertThat(apps(d, "Originate(")).isEmpty();
    }

    @Test
    void aServerThatHangsAfterConnectingIsCutOffByTheWatchdogAndTheCallRoutesOnDefaults() throws IOException {
        assertThat(recorded()).containsPattern("Return\\(\"Local/5554000[^\"]*\", \"TIMEOUT\"\\)");
        Dialplan d = walk(new Pbx().agi("TIMEOUT").queue("ANSWERED"), Map.of(), "callportrait-inbound", "5554000");
        assertThat(d.trace).contains("T", "return TIMEOUT");
        assertThat(d.vars).containsEntry("AGIEXITONHANGUP", "yes").containsEntry("CP_DEGRADED", "1");
        assertThat(apps(d, "Queue(")).containsExactly("Queue(support,,,,300,,)");
    }

    @Test
    void aSecondInstanceRoutesTheCallWhenTheFirstHangs() throws IOException {
        Dialplan d = walk(new Pbx().agi("TIMEOUT").agi(routed("billing")).queue("ANSWERED"),
                Map.of("CP_AGI_HOST2", "10.0.0.6:4573"), "callportrait-inbound", "5555000");
        assertThat(apps(d, "AGI(")).containsExactly("AGI(agi://127.0.0.1:4573/route)", "AGI(agi://10.0.0.6:4573/route)");
        assertThat(apps(d, "Queue(")).containsExactly("Queue(billing,,,,300,,)");
        assertThat(apps(d, "Originate(")).singleElement().asString()
                .contains("Local/0b5c1c1e-6a9e-4f6b-9d37-3f4b8a1c2d3e@callportrait-tap").contains("b(callportrait-nocdr^s^1)");
    }

    @Test
    void callsEnterWithAnyDialledNumberIncludingE164OrAtS() throws IOException {
        for (String dialled : List.of("5551234", "+4930123456", "s")) {
            Dialplan d = walk(new Pbx().agi(routed("billing")).queue("ANSWERED"), Map.of(), "callportrait-inbound", dialled);
            assertThat(apps(d, "Queue(")).as(dialled).containsExactly("Queue(billing,,,,300,,)");
            assertThat(d.vars.get("CP_DIALLED")).as(dialled).isEqualTo(dialled.equals("s") ? null : dialled);
        }
    }

    @Test
    void theAgentTapRunsOnTheAgentsChannelOnlyWhenAsked() throws IOException {
        Dialplan d = walk(new Pbx().agi(routed("billing")).queue("ANSWERED"), Map.of("CP_TAP_AGENT", "yes"),
                "callportrait-inbound", "5551234");
        assertThat(apps(d, "Queue(")).containsExactly("Queue(billing,,,,300,,callportrait-agent-tap)");
        assertThat(d.vars).containsEntry("CP_AGENT_UUID", "0b5c1c1e-6a9e-8f6b-9d37-3f4b8a1c2d3e");
    }

    @Test
    void hagiUsesSrvRecordsWhenChosen() throws IOException {
        Dialplan d = walk(new Pbx().agi(routed("billing")).queue("ANSWERED"),
                Map.of("CP_AGI_SCHEME", "hagi", "CP_AGI_HOST", "callportrait.example"), "callportrait-inbound", "5555001");
        assertThat(apps(d, "AGI(")).containsExactly("AGI(hagi://callportrait.example/route)");
    }

    @Test
    void anEscalatedCallerNobodyAnsweredGoesBackToTheirQueueWithTheEscalationPriority() throws IOException {
        Pbx pbx = new Pbx().queue("TIMEOUT").queue("ANSWERED");
        Dialplan d = Dialplan.read(CONF.resolve("extensions_callportrait.conf"));
        d.vars.put("CP_QUEUE", "billing");
        pbx.d = d;
        d.walk("callportrait-escalate", "s", pbx);
        assertThat(apps(d, "Queue(")).containsExactly("Queue(escalation,,,,300,,,)", "Queue(billing,,,,300,,)");
        assertThat(d.vars).containsEntry("QUEUE_PRIO", "20").doesNotContainKey("QUEUE_MAX_PENALTY");
    }

    @Test
    void anEscalatedVipGoesToTheHighAgentGroupFirstWhenAskedThenToEveryoneInTheirQueue() throws IOException {
        Pbx pbx = new Pbx().queue("TIMEOUT").queue("ANSWERED");
        Dialplan d = Dialplan.read(CONF.resolve("extensions_callportrait.conf"));
        d.globals.put("CP_VIP_HIGH_GROUP", "yes");
        d.vars.put("CP_QUEUE", "billing");
        d.vars.put("CP_VIP", "1");
        pbx.d = d;
        List<String> maxPenaltyAtQueue = new java.util.ArrayList<>();
        Pbx played = pbx;
        d.walk("callportrait-escalate", "s", (app, args) -> {
            if (app.equals("Queue")) {
                maxPenaltyAtQueue.add(d.vars.get("QUEUE_MAX_PENALTY"));
            }
            return played.apply(app, args);
        });
        assertThat(apps(d, "Queue(")).containsExactly("Queue(escalation,,,,300,,,cp-vip-high-first)",
                "Queue(billing,,,,300,,)");
        assertThat(maxPenaltyAtQueue).containsExactly("0", "999");

        Dialplan off = Dialplan.read(CONF.resolve("extensions_callportrait.conf"));
        off.vars.put("CP_QUEUE", "billing");
        off.vars.put("CP_VIP", "1");
        pbx = new Pbx().queue("ANSWERED");
        pbx.d = off;
        off.walk("callportrait-escalate", "s", pbx);
        assertThat(apps(off, "Queue(")).containsExactly("Queue(escalation,,,,300,,,)");
        assertThat(off.vars).doesNotContainKey("QUEUE_MAX_PENALTY");
    }

    @Test
    void aGasEmergencyGoesToTheEmergencyQueueFirstThenBackToTheCallersQueueAtTheFront() throws IOException {
        Pbx pbx = new Pbx().queue("TIMEOUT").queue("ANSWERED");
        Dialplan d = Dialplan.read(CONF.resolve("extensions_callportrait.conf"));
        d.vars.put("CP_QUEUE", "billing");
        pbx.d = d;
        d.walk("callportrait-emergency", "s", pbx);
        assertThat(apps(d, "Queue(")).containsExactly("Queue(emergency,,,,300,,)", "Queue(billing,,,,300,,)");
        assertThat(d.vars).containsEntry("QUEUE_PRIO", "100");
    }

    @Test
    void aSurveyServerThatHangsEndsTheCallPolitely() throws IOException {
        Dialplan d = Dialplan.read(CONF.resolve("extensions_callportrait.conf"));
        Pbx pbx = new Pbx().agi("TIMEOUT");
        pbx.d = d;
        d.walk("callportrait-survey", "s", pbx);
        assertThat(d.trace).contains("T", "Playback(goodbye)").last().isEqualTo("hangup");
    }

    @Test
    void theTapAndTheAgentsAreDefinedAndTheTapLeavesNoCdr() throws IOException {
        Dialplan d = Dialplan.read(CONF.resolve("extensions_callportrait.conf"));
        assertThat(d.match("callportrait-tap", "0b5c1c1e-6a9e-4f6b-9d37-3f4b8a1c2d3e")).isEqualTo("_[0-9a-f].");
        assertThat(d.contexts().get("callportrait-tap").get("_[0-9a-f].").get(1))
                .isEqualTo(new Dialplan.Step("Set", "CDR_PROP(disable)=1"));
        assertThat(d.contexts().get("callportrait-nocdr").get("s").get(1))
                .isEqualTo(new Dialplan.Step("Set", "CDR_PROP(disable)=1"));
        assertThat(d.match("cp-agents", "agent1")).isNotNull();
        assertThat(d.match("cp-agents", "supervisor1")).isNotNull();
    }

    @Test
    void noApplicationLineIsCutByASemicolon() throws IOException {
        // ';' starts a comment anywhere in a dialplan line: a Verbose("a; b") loses everything after it
        for (String line : Files.readAllLines(CONF.resolve("extensions_callportrait.conf"))) {
            String t = line.strip();
            if (t.startsWith("exten") || t.startsWith("same")) {
                assertThat(t).as(line).doesNotContain(";");
            }
        }
    }

    @Test
    void everyQueueTheBundledRulesNameExistsAndEveryMemberHasAStateInterfaceAndAnAgentContext() throws IOException {
        String queues = Files.readString(CONF.resolve("queues_callportrait.conf"));
        Set<String> defined = Pattern.compile("(?m)^\\[([a-z0-9-]+)\\]").matcher(queues).results()
                .map(m -> m.group(1)).collect(Collectors.toSet());
        JsonNode rules = new ObjectMapper(new YAMLFactory()).readTree(Path.of("src/main/resources/routing-rules.yaml").toFile());
        Set<String> named = new LinkedHashSet<>();
        named.add(rules.path("defaults").path("queue").asText());
        named.add(rules.path("experienced").path("queue").asText());
        rules.path("topics").forEach(q -> named.add(q.asText()));
        rules.path("languages").forEach(l -> named.add(l.path("queue").asText()));
        named.remove("");
        assertThat(named).contains("support", "billing", "technical", "experienced", "support-es", "support-zh");
        assertThat(defined).containsAll(named).contains("escalation");
        Dialplan d = Dialplan.read(CONF.resolve("extensions_callportrait.conf"));
        Matcher member = Pattern.compile("(?m)^member => Local/([a-z0-9]+)@([a-z-]+),(\\d+),([a-z0-9]+),(\\S+)$").matcher(queues);
        int members = 0;
        while (member.find()) {
            members++;
            assertThat(d.match(member.group(2), member.group(1))).as(member.group()).isNotNull();
            assertThat(member.group(5)).as("state interface").isEqualTo("PJSIP/" + member.group(1));
        }
        assertThat(members).isEqualTo((int) queues.lines().filter(l -> l.startsWith("member")).count()).isPositive();
    }

    @Test
    void theManagerUserGetsExactlyTheEventsTheCallTrackerReadsAndNoDangerousRights() throws IOException {
        String manager = Files.readString(CONF.resolve("manager_callportrait.conf"));
        Set<String> filtered = Pattern.compile("(?m)^eventfilter\\(action\\(include\\),name\\((\\w+)\\)\\) =$")
                .matcher(manager).results().map(m -> m.group(1)).collect(Collectors.toSet());
        assertThat(filtered).isEqualTo(AmiCallTracker.EVENTS);
        assertThat(manager).containsPattern("(?m)^read = call,agent$").containsPattern("(?m)^write = call,agent,user$")
                .containsPattern("(?m)^permit = 127\\.0\\.0\\.1/255\\.255\\.255\\.255$");
        // the recording: an unfiltered session with the same classes saw many more events
        Matcher unfiltered = Pattern.compile("no eventfilter: (\\d+) events").matcher(recorded());
        Matcher ours = Pattern.compile("cp_ami_events_total (\\d+)").matcher(recorded());
        assertThat(unfiltered.find()).isTrue();
        assertThat(ours.find()).isTrue();
        assertThat(Integer.parseInt(ours.group(1))).isLessThan(Integer.parseInt(unfiltered.group(1)) / 3);
    }

    private static String status(String regex) throws IOException {
        Matcher m = Pattern.compile(regex).matcher(recorded());
        assertThat(m.find()).as("recorded: " + regex).isTrue();
        return m.group(1);
    }
}
