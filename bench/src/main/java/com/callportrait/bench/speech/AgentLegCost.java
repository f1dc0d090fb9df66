package com.callportrait.bench.speech;

import com.callportrait.speech.asr.AsrOptions;
import com.callportrait.speech.audio.AudioFiles;
import com.callportrait.speech.audiosocket.AudioSocketOptions;
import com.callportrait.speech.pipeline.AgentLegOptions;
import com.callportrait.speech.pipeline.CallLeg;
import com.callportrait.speech.pipeline.ConversationEvent;
import com.callportrait.speech.pipeline.EmotionEvent;
import com.callportrait.speech.pipeline.SpeechEngine;
import com.callportrait.speech.pipeline.SpeechListener;
import com.callportrait.speech.pipeline.TranscriptEvent;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * What tapping the agent's leg costs ({@code agent-leg-cost}): at each level, N calls stream in
 * real time over real AudioSocket connections for the given seconds, first the caller's leg only,
 * then both legs (the agent's stream under the call's UUID with version digit 8, as the dialplan
 * names it), with the engine's agent legs on. Each leg is about half speech: utterances of the
 * telephone set separated by pauses as long as themselves, the two legs from different seeds, so
 * they overlap at times like a real conversation. Reports the process CPU, frames shed and finals
 * per row. Model: CP_VOSK_MODEL, else the build's copy under {@code speech/target/classes}.
 * Single use; not thread-safe.
 */
public final class AgentLegCost {
    private static final int FRAME_MS = 20;

    private AgentLegCost() {
    }

    /** Runs {@code seconds} of calls per level and mode, printing one Markdown row each. */
    public static void run(AsrOptions configured, int[] levels, int seconds) throws Exception {
        BenchSet set = BenchSet.load(BenchSet.module("src/test/benchmark/telephone"), 100000);
        List<short[]> clips = new ArrayList<>();
        for (BenchSet.Item item : set.items()) {
            clips.add(AudioFiles.read(item.telephone()).samples());
        }
        AsrOptions options = configured.modelDir().isEmpty()
                ? configured.withModelDir(BenchSet.module("target/classes/vosk/model-en-us")) : configured;
        AtomicLong finals = new AtomicLong();
        AtomicLong conversations = new AtomicLong();
        List<String> rows = new ArrayList<>();
        try (SpeechEngine engine = SpeechEngine.builder().options(options)
                .agentLeg(AgentLegOptions.builder().enabled(true).build())
                .emotionScorer(AsrOnly.SCORER).voiceAnalyzers(AsrOnly.DurationAnalyzer::new)
                .redactor(text -> text).build()) {
            engine.addListener(new SpeechListener() {
                @Override
                public void onTranscript(TranscriptEvent e) {
                    if (e.isFinal()) {
                        finals.incrementAndGet();
                    }
                }

                @Override
                public void onEmotion(EmotionEvent event) {
                }

                @Override
                public void onConversation(ConversationEvent e) {
                    if (e.isFinal()) {
                        conversations.incrementAndGet();
                    }
                }
            });
            int port = engine.startAudioSocket(AudioSocketOptions.defaults().withHost("127.0.0.1").withPort(0)).port();
            System.out.printf("%d workers, %d cores, %d s per run%n", options.workers(),
                    Runtime.getRuntime().availableProcessors(), seconds);
            for (int calls : levels) {
                for (boolean agent : new boolean[] {false, true}) {
                    finals.set(0);
                    conversations.set(0);
                    double shed0 = engine.metrics().shedCount();
                    double[] cpu = stream(engine, port, calls, agent, seconds, clips);
                    rows.add(String.format("| %d | %s | %d | %.0f | %d | %d | %.1f | %.3f | %.1f |", calls,
                            agent ? "caller + agent" : "caller only", calls * (agent ? 2 : 1), cpu[0], finals.get(),
                            conversations.get(), engine.metrics().shedCount() - shed0, cpu[1], cpu[2]));
                    System.out.println(rows.get(rows.size() - 1));
                }
            }
        }
        System.out.println();
        System.out.println("| calls | legs tapped | streams | CPU % of all cores | finals | conversation figures "
                + "| frames shed | CPU-s per stream-second | load avg |");
        System.out.println("| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        rows.forEach(System.out::println);
    }

    /** Returns {CPU % of all cores, CPU-seconds per second of one stream, load average}. */
    private static double[] stream(SpeechEngine engine, int port, int calls, boolean agent, int seconds,
                                   List<short[]> clips) throws Exception {
        int frames = seconds * 1000 / FRAME_MS;
        List<byte[][]> audio = new ArrayList<>();
        List<Socket> sockets = new ArrayList<>();
        for (int c = 0; c < calls; c++) {
            UUID call = UUID.randomUUID();
            sockets.add(open(port, call));
            audio.add(frames(timeline(new Random(1000 + c), clips, frames * 160)));
            if (agent) {
                sockets.add(open(port, CallLeg.agentStreamOf(call)));
                audio.add(frames(timeline(new Random(5000 + c), clips, frames * 160)));
            }
        }
        List<OutputStream> outs = new ArrayList<>();
        for (Socket s : sockets) {
            outs.add(s.getOutputStream());
        }
        int streams = outs.size();
        long cpu0 = cpuNanos();
        long start = System.nanoTime() + 200_000_000L;
        long frameNanos = FRAME_MS * 1_000_000L;
        for (int k = 0; k < frames; k++) {
            for (int c = 0; c < streams; c++) {
                long wait = start + k * frameNanos + c * frameNanos / streams - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                outs.get(c).write(audio.get(c)[k]);
            }
        }
        for (Socket s : sockets) {
            s.close();
        }
        long until = System.nanoTime() + 60_000_000_000L;
        while (engine.activeCalls() > 0 && System.nanoTime() < until) {
            Thread.sleep(50);
        }
        double cpuSec = (cpuNanos() - cpu0) / 1e9;
        double wall = (System.nanoTime() - start) / 1e9;
        return new double[] {100 * cpuSec / (wall * Runtime.getRuntime().availableProcessors()),
                cpuSec / (streams * (double) seconds), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()};
    }

    private static Socket open(int port, UUID id) throws Exception {
        Socket s = new Socket("127.0.0.1", port);
        s.setTcpNoDelay(true);
        s.getOutputStream().write(ByteBuffer.allocate(19).put((byte) 1).putShort((short) 16)
                .putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits()).array());
        return s;
    }

    private static byte[][] frames(short[] pcm) {
        byte[][] f = new byte[pcm.length / 160][];
        for (int k = 0; k < f.length; k++) {
            ByteBuffer b = ByteBuffer.allocate(323).put((byte) 0x10).putShort((short) 320);
            b.order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < 160; i++) {
                b.putShort(pcm[k * 160 + i]);
            }
            f[k] = b.array();
        }
        return f;
    }

    /** Utterances of the set, each followed by a pause about as long as itself, on low line noise. */
    private static short[] timeline(Random random, List<short[]> clips, int samples) {
        short[] out = new short[samples];
        for (int i = 0; i < samples; i++) {
            out[i] = (short) (random.nextGaussian() * 4);
        }
        int at = 8000 / 2 + random.nextInt(8000 * 2);
        while (at < samples) {
            short[] clip = clips.get(random.nextInt(clips.size()));
            int n = Math.min(clip.length, samples - at);
            System.arraycopy(clip, 0, out, at, n);
            at += n + (int) (clip.length * (0.7 + 0.6 * random.nextDouble()));
        }
        return out;
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
