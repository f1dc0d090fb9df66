package com.callportrait.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.callportrait.route.fastagi.AgiDecoder;
import com.callportrait.route.fastagi.AgiHangup;
import com.callportrait.route.fastagi.AgiLimits;
import com.callportrait.route.fastagi.AgiMetrics;
import com.callportrait.route.fastagi.AgiProtocolException;
import com.callportrait.route.fastagi.AgiReply;
import com.callportrait.route.fastagi.AgiRequest;
import com.callportrait.route.fastagi.AgiScripts;
import com.callportrait.route.fastagi.AgiServer;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Fuzzes the FastAGI reader ({@link AgiDecoder}) and the whole per-connection pipeline of the
 * FastAGI server with inputs mutated from the session recorded from Asterisk 22 (environment
 * block, replies 200/510/520-usage, HANGUP), fed in random reads. Decoder properties: only
 * {@link AgiProtocolException} escapes, once at most, nothing decoded after it; the result does
 * not depend on how the input is split into reads; every message respects the limits; bounded
 * bytes held; no buffer leaked. Session properties: nothing escapes the pipeline; the session
 * ends exactly once with one outcome counted; the live-session gauge returns to zero; no buffer
 * leaked (commands written included).
 */
class AgiFuzzTest {
    static final AgiLimits LIMITS = new AgiLimits(256, 2048, 32, 16);
    static final long CI_CASES = 100_000;

    private static final List<String> REPLIES = List.of("200 result=1\n", "200 result=1 (5551234)\n",
            "200 result=1 (Jane Doe)\n", "200 result=0\n", "200 result= (timeout)\n", "200 result=-1\n",
            "510 Invalid or unknown command\n",
            "520-Invalid command syntax.  Proper usage follows:\nSets a variable to the current channel.\n520 End of proper usage.\n",
            "HANGUP\n", "511 Command Not Permitted on a dead channel or intercept routine\n");
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final AgiMetrics metrics = new AgiMetrics(registry);
    private final AgiScripts scripts = AgiScripts.builder().add("route", s -> s.send("SET VARIABLE CP_QUEUE support")
            .thenCompose(x -> s.send("GET VARIABLE CALLERID(num)"))
            .thenCompose(x -> s.send("EXEC MSet CP_A=1,CP_B=2"))).build();
    private final byte[] environment = recordedEnvironment();
    private final Mutator mutator = new Mutator(seeds(), List.of("\n", "\r\n", "\n\n", "agi_", ": ", "HANGUP\n",
            "200 result=", "520-", "520 ", "510 ", "511 ", "(", ")", "result=99999999999", "agi_network_script: ",
            "\u00ff\u00fe", "\u00c3("), this::structural, 400);

    @Test
    void decoderIsSafeAndReadSplitIndependentOnHostileInput() {
        FuzzRun.Result result = new FuzzRun("agi-decoder", target(this::decodeCase)).run(CI_CASES);
        assertThat(result.count("violation")).isGreaterThan(result.cases() / 20);
        assertThat(result.count("clean")).isGreaterThan(result.cases() / 20);
    }

    @Test
    void sessionEndsOnceWithOneOutcome() {
        try (QuietLogs logs = new QuietLogs(false, "com.callportrait.route.fastagi")) {
            FuzzRun.Result result = new FuzzRun("agi-session", target(this::sessionCase)).run(CI_CASES / 5);
            assertThat(result.count("protocol_error")).isGreaterThan(result.cases() / 20);
            assertThat(result.count("completed")).isGreaterThan(result.cases() / 100);
            assertThat(logs.errors()).as("unexpected errors logged").isEmpty();
        }
    }

    @Test
    void savedRegressionInputsStillPass() throws Exception {
        SplittableRandom r = new SplittableRandom(1);
        for (Path p : Corpus.regressions("agi")) {
            byte[] in = Corpus.read(p);
            for (int i = 0; i < 20; i++) {
                decodeCase(in, r);
                sessionCase(in, r);
            }
        }
    }

    /** One fuzzed input (for the socket test's hostile connections). */
    byte[] mutatorInput(SplittableRandom r) {
        return mutator.next(r);
    }

    String decodeCase(byte[] input, SplittableRandom r) {
        int[] chunks = Mutator.chunks(input.length, r);
        DecoderHarness.Outcome got = DecoderHarness.feed(() -> new AgiDecoder(LIMITS), AgiProtocolException.class,
                input, chunks, DecoderHarness.bound(LIMITS.maxLineBytes() + 2, chunks));
        DecoderHarness.Outcome whole = DecoderHarness.feed(() -> new AgiDecoder(LIMITS), AgiProtocolException.class,
                input, input.length == 0 ? new int[0] : new int[] {input.length}, Long.MAX_VALUE);
        assertSame(got, whole);
        for (int i = 0; i < got.messages().size(); i++) {
            Object m = got.messages().get(i);
            if (i == 0) {
                AgiRequest req = (AgiRequest) m;
                assertThat(req.variables()).isNotEmpty().hasSizeLessThanOrEqualTo(LIMITS.maxEnvironmentLines());
                req.variables().keySet().forEach(k -> assertThat(k).matches("agi_[a-z0-9_]{1,60}"));
            } else if (m instanceof AgiReply reply) {
                assertThat(reply.code()).isIn(200, 510, 511, 520);
                assertThat(reply.lines()).isNotEmpty().hasSizeLessThanOrEqualTo(LIMITS.maxUsageLines() + 1);
            } else {
                assertThat(m).isInstanceOf(AgiHangup.class);
            }
        }
        return got.violated() ? "violation" : got.messages().isEmpty() ? "nothing" : "clean";
    }

    /** Same messages (by value), same violation at the same place. */
    static void assertSame(DecoderHarness.Outcome got, DecoderHarness.Outcome whole) {
        if (got.violationAt() != whole.violationAt() || !Objects.equals(got.violation(), whole.violation())
                || !got.messages().equals(whole.messages())) {
            throw new AssertionError("decoding depends on how the input is split into reads:\n  split: "
                    + got + "\n  whole: " + whole);
        }
    }

    String sessionCase(byte[] input, SplittableRandom r) {
        java.util.Map<String, Double> before = outcomeCounts();
        TrackingAllocator alloc = new TrackingAllocator();
        EmbeddedChannel ch = new EmbeddedChannel();
        ch.config().setAllocator(alloc);
        AgiServer.configurePipeline(ch.pipeline(), scripts, metrics, LIMITS, Duration.ofSeconds(10));
        int offset = 0;
        for (int n : Mutator.chunks(input.length, r)) {
            if (!ch.isOpen()) {
                break;
            }
            ByteBuf buf = alloc.buffer(n).writeBytes(input, offset, n);
            offset += n;
            ch.writeInbound(buf); // rethrows anything that reached the end of the pipeline
            ch.runPendingTasks();
        }
        ch.finishAndReleaseAll();
        ch.runPendingTasks();
        assertThat(alloc.unreleased()).as("buffers not released").isEmpty();
        assertThat(metrics.active()).as("live sessions").isZero();
        List<String> outcomes = new ArrayList<>();
        outcomeCounts().forEach((outcome, n) -> {
            for (double i = before.getOrDefault(outcome, 0.0); i < n; i++) {
                outcomes.add(outcome);
            }
        });
        assertThat(outcomes).as("outcomes recorded").hasSize(1);
        return outcomes.get(0);
    }

    /** Sessions by outcome so far (one registry for the run: a fresh one per case costs more than the case). */
    private java.util.Map<String, Double> outcomeCounts() {
        java.util.Map<String, Double> out = new java.util.HashMap<>();
        for (Counter c : registry.find("cp.agi.sessions").counters()) {
            out.put(c.getId().getTag("outcome"), c.count());
        }
        return out;
    }

    private FuzzRun.Target target(AudioSocketFuzzTest.Case c) {
        return new FuzzRun.Target() {
            @Override
            public byte[] input(SplittableRandom r) {
                return mutator.next(r);
            }

            @Override
            public String run(byte[] input, SplittableRandom r) {
                return c.run(input, r);
            }
        };
    }

    private static byte[] recordedEnvironment() {
        String log = new String(Corpus.resource("/agi/agi-session.log"), StandardCharsets.UTF_8);
        String env = log.lines().filter(l -> l.startsWith("ENV ")).findFirst().orElseThrow();
        String body = env.substring("ENV b'".length(), env.length() - 1);
        return body.replace("\\n", "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** The recorded environment followed by a few recorded replies, in varied orders and line ends. */
    private List<byte[]> seeds() {
        List<byte[]> seeds = new ArrayList<>();
        SplittableRandom r = new SplittableRandom(11);
        for (int i = 0; i < 40; i++) {
            StringBuilder b = new StringBuilder(new String(environment, StandardCharsets.UTF_8));
            for (int k = 0, n = r.nextInt(5); k < n; k++) {
                b.append(REPLIES.get(i < 10 ? k % 3 : r.nextInt(REPLIES.size())));
            }
            String s = b.toString();
            seeds.add((i % 4 == 3 ? s.replace("\n", "\r\n") : s).getBytes(StandardCharsets.UTF_8));
        }
        return seeds;
    }

    /** Lines at and over the limits: long lines, too many environment or usage lines, odd result numbers. */
    private byte[] structural(byte[] in, SplittableRandom r) {
        int limit = LIMITS.maxLineBytes();
        String piece = switch (r.nextInt(6)) {
            case 0 -> "agi_x: " + "v".repeat(limit - 7 - 1 + r.nextInt(4)) + (r.nextBoolean() ? "\r\n" : "\n");
            case 1 -> "200 result=1 (" + "d".repeat(limit - 15 + r.nextInt(4)) + ")\n";
            case 2 -> "agi_arg_1: x\n".repeat(LIMITS.maxEnvironmentLines() - 1 + r.nextInt(3));
            case 3 -> "520-usage\n" + "line\n".repeat(LIMITS.maxUsageLines() - 1 + r.nextInt(3)) + "520 End\n";
            case 4 -> "200 result=" + (r.nextBoolean() ? "-" : "") + "9".repeat(1 + r.nextInt(14)) + "\n";
            default -> "x".repeat(limit + r.nextInt(3));
        };
        return Mutator.insert(in, piece.getBytes(StandardCharsets.UTF_8), r);
    }
}
