package com.callportrait.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.callportrait.live.ami.AmiBanner;
import com.callportrait.live.ami.AmiDecoder;
import com.callportrait.live.ami.AmiMessage;
import com.callportrait.live.ami.AmiProtocolException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Fuzzes the AMI parser ({@link AmiDecoder}, client side: banner first; server side: messages
 * only) with inputs mutated from the event stream and action replies recorded from Asterisk 22,
 * fed in random reads. Properties: only {@link AmiProtocolException} is raised, once at most, and
 * the connection is closed with nothing decoded after it; the result does not depend on how the
 * input is split into reads; the banner comes first and only once; every message has 1 to
 * {@link AmiDecoder#MAX_FIELDS} headers with a non-empty key; bytes held stay under one line plus
 * one read; no buffer leaked.
 */
class AmiFuzzTest {
    static final long CI_CASES = 100_000;

    private final Mutator mutator = new Mutator(seeds(), List.of("\r\n", "\n", "\r\n\r\n", ": ", ":", "Event: ",
            "Response: Success\r\n", "ActionID: cp-1\r\n", "EventList: Complete\r\n", "Asterisk Call Manager/",
            "\u00ff\u00fe", "\u00c3("), AmiFuzzTest::structural, 400);

    @Test
    void parserIsSafeAndReadSplitIndependentOnHostileInput() {
        FuzzRun.Result result = new FuzzRun("ami-decoder", new FuzzRun.Target() {
            @Override
            public byte[] input(SplittableRandom r) {
                return mutator.next(r);
            }

            @Override
            public String run(byte[] input, SplittableRandom r) {
                return decodeCase(input, r);
            }
        }).run(CI_CASES);
        assertThat(result.count("violation")).isGreaterThan(result.cases() / 20);
        assertThat(result.count("clean")).isGreaterThan(result.cases() / 20);
    }

    @Test
    void savedRegressionInputsStillPass() {
        SplittableRandom r = new SplittableRandom(1);
        for (Path p : Corpus.regressions("ami")) {
            byte[] in = Corpus.read(p);
            for (int i = 0; i < 20; i++) {
                decodeCase(in, r);
            }
        }
    }

    /** One fuzzed input (for the socket test's hostile endpoint). */
    byte[] mutatorInput(SplittableRandom r) {
        return mutator.next(r);
    }

    String decodeCase(byte[] input, SplittableRandom r) {
        boolean client = r.nextInt(4) != 0;
        int[] chunks = Mutator.chunks(input.length, r);
        DecoderHarness.Outcome got = DecoderHarness.feed(client ? AmiDecoder::client : AmiDecoder::server,
                AmiProtocolException.class, input, chunks, DecoderHarness.bound(AmiDecoder.MAX_LINE + 2, chunks));
        DecoderHarness.Outcome whole = DecoderHarness.feed(client ? AmiDecoder::client : AmiDecoder::server,
                AmiProtocolException.class, input, input.length == 0 ? new int[0] : new int[] {input.length},
                Long.MAX_VALUE);
        AgiFuzzTest.assertSame(got, whole);
        for (int i = 0; i < got.messages().size(); i++) {
            Object m = got.messages().get(i);
            if (client && i == 0) {
                assertThat(((AmiBanner) m).text()).startsWith("Asterisk Call Manager/");
                continue;
            }
            List<Map.Entry<String, String>> fields = ((AmiMessage) m).fields();
            if (fields.isEmpty() || fields.size() > AmiDecoder.MAX_FIELDS) {
                throw new AssertionError("message with " + fields.size() + " headers");
            }
            for (Map.Entry<String, String> f : fields) {
                if (f.getKey().isEmpty() || f.getKey().indexOf(':') >= 0 || f.getKey().indexOf('\n') >= 0) {
                    throw new AssertionError("bad header key '" + f.getKey() + "'");
                }
            }
        }
        return got.violated() ? "violation" : got.messages().size() > (client ? 1 : 0) ? "clean" : "nothing";
    }

    /** The banner and windows of the recorded events and replies (whole messages, as Asterisk wrote them). */
    private static List<byte[]> seeds() {
        List<String> messages = new ArrayList<>();
        for (String file : List.of("/ami/ami-events.txt", "/ami/ami-actions.txt")) {
            String text = new String(Corpus.resource(file), StandardCharsets.UTF_8);
            int nl = text.indexOf('\n');
            Arrays.stream(text.substring(nl + 1).split("(?<=\r\n\r\n)"))
                    .filter(s -> !s.isBlank()).forEach(messages::add);
        }
        String banner = "Asterisk Call Manager/11.0.0\r\n";
        List<byte[]> seeds = new ArrayList<>();
        SplittableRandom r = new SplittableRandom(13);
        for (int i = 0; i < 48; i++) {
            StringBuilder b = new StringBuilder(banner);
            int from = r.nextInt(messages.size());
            for (int k = from; k < Math.min(messages.size(), from + 1 + r.nextInt(4)); k++) {
                b.append(messages.get(k));
            }
            String s = b.toString();
            seeds.add((i % 5 == 4 ? s.replace("\r\n", "\n") : s).getBytes(StandardCharsets.UTF_8));
        }
        return seeds;
    }

    /** Lines at and over the limits, a message with too many headers, a line without a colon, a bad banner. */
    static byte[] structural(byte[] in, SplittableRandom r) {
        String piece = switch (r.nextInt(5)) {
            case 0 -> "Data: " + "x".repeat(AmiDecoder.MAX_LINE - 7 + r.nextInt(4)) + (r.nextBoolean() ? "\r\n" : "");
            case 1 -> "V: 1\r\n".repeat(AmiDecoder.MAX_FIELDS - 1 + r.nextInt(3)) + "\r\n";
            case 2 -> "no colon here\r\n";
            case 3 -> ":empty key\r\n";
            default -> "Asterisk Call Manager/" + "9".repeat(r.nextInt(20)) + "\r\n";
        };
        return Mutator.insert(in, piece.getBytes(StandardCharsets.UTF_8), r);
    }
}
