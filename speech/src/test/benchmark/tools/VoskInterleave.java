/*
 * What partial results and many recognisers on one thread cost, in CPU seconds per audio second.
 *
 *   sox speech/src/test/benchmark/human/*.wav -t raw -e signed -b 16 -L /tmp/human16k.raw
 *   java -cp bench/target/callportrait-bench.jar speech/src/test/benchmark/tools/VoskInterleave.java \
 *       speech/target/classes/vosk/model-en-us /tmp/human16k.raw 20 1,4,12 20
 *
 * Arguments: model, 16 kHz s16le audio, seconds per recogniser, recogniser counts, 20 ms chunks
 * between two partial results (0: none). K recognisers are fed 20 ms chunks in turn on one thread
 * (as a recognition thread serves several calls), each from another place in the audio, three
 * passes; prints CPU per audio second per pass and the part spent in getPartialResult.
 * Pass 1 is cold; passes 2-3 decode the same audio again (a warm, flattered cache).
 */
import java.lang.management.*;
import java.nio.*;
import java.nio.file.*;
import java.util.*;
import org.vosk.*;

public class VoskInterleave {
    public static void main(String[] a) throws Exception {
        LibVosk.setLogLevel(LogLevel.WARNINGS);
        Model model = new Model(a[0]);
        byte[] b = Files.readAllBytes(Path.of(a[1]));
        double seconds = Double.parseDouble(a[2]);
        int partialEvery = Integer.parseInt(a[4]); // chunks between partials, 0 = none
        short[] s = new short[b.length / 2];
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(s);
        float[] f = new float[s.length];
        for (int i = 0; i < s.length; i++) f[i] = s[i];
        int chunk = 320, n = (int) (seconds * 16000) / chunk;
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        for (String ks : a[3].split(",")) {
            int k = Integer.parseInt(ks);
            Recognizer[] r = new Recognizer[k];
            for (int i = 0; i < k; i++) { r[i] = new Recognizer(model, 16000f); r[i].setWords(true); }
            for (int pass = 1; pass <= 3; pass++) {
                long c0 = mx.getCurrentThreadCpuTime();
                long pc = 0;
                for (int j = 0; j < n; j++) {
                    for (int i = 0; i < k; i++) {
                        int off = ((j + i * n / Math.max(1, k)) % (f.length / chunk)) * chunk; // each starts elsewhere
                        float[] c = Arrays.copyOfRange(f, off, off + chunk);
                        if (r[i].acceptWaveForm(c, chunk)) r[i].getResult();
                        if (partialEvery > 0 && j % partialEvery == partialEvery - 1) {
                            long p0 = mx.getCurrentThreadCpuTime(); r[i].getPartialResult(); pc += mx.getCurrentThreadCpuTime() - p0;
                        }
                    }
                }
                for (Recognizer x : r) { x.acceptWaveForm(new float[160], 160); x.getFinalResult(); }
                long c1 = mx.getCurrentThreadCpuTime();
                System.out.printf("k=%d pass %d: %.3f CPU-s per audio s (partials %.3f)%n", k, pass,
                        (c1 - c0) / 1e9 / (k * seconds), pc / 1e9 / (k * seconds));
            }
            for (Recognizer x : r) x.close();
        }
    }
}
