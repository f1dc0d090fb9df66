/*
 * Does a recogniser's warmth carry over to speech it has not heard?
 *
 *   sox speech/src/test/benchmark/human/*.wav -t raw -e signed -b 16 -L /tmp/human16k.raw
 *   sox $(ls speech/src/test/benchmark/telephone/u0[0-9][0-9].wav | head -40) -r 16000 -t raw -e signed -b 16 -L /tmp/synth16k.raw
 *   java -cp bench/target/callportrait-bench.jar speech/src/test/benchmark/tools/VoskTransfer.java \
 *       speech/target/classes/vosk/model-en-us /tmp/human16k.raw /tmp/synth16k.raw 90
 *
 * The human clips' first 25 s are "A", 26-51 s "B". Prints CPU-s per audio second of B decoded by
 * a new recogniser, by the same again, by one that decoded N s of the synthetic set first, and by
 * one that decoded A first.
 */
import java.lang.management.*;
import java.nio.*;
import java.nio.file.*;
import java.util.*;
import org.vosk.*;

public class VoskTransfer {
    static float[] load(String p) throws Exception {
        byte[] b = Files.readAllBytes(Path.of(p));
        short[] s = new short[b.length / 2];
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(s);
        float[] f = new float[s.length];
        for (int i = 0; i < s.length; i++) f[i] = s[i];
        return f;
    }
    static double run(Recognizer r, float[] f, double fromS, double secs) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long c0 = mx.getCurrentThreadCpuTime();
        int from = (int) (fromS * 16000), n = (int) (secs * 16000);
        for (int j = 0; j + 320 <= n; j += 320) {
            float[] c = Arrays.copyOfRange(f, from + j, from + j + 320);
            if (r.acceptWaveForm(c, 320)) r.getResult();
        }
        r.acceptWaveForm(new float[160], 160); r.getFinalResult();
        return (mx.getCurrentThreadCpuTime() - c0) / 1e9 / secs;
    }
    public static void main(String[] a) throws Exception {
        LibVosk.setLogLevel(LogLevel.WARNINGS);
        Model model = new Model(a[0]);
        float[] human = load(a[1]), synth = load(a[2]);
        double warmS = Double.parseDouble(a[3]);
        // human: first 25 s = "A", last 25 s = "B" (held out)
        Recognizer r1 = new Recognizer(model, 16000f); r1.setWords(true);
        System.out.printf("fresh on human B (25 s): %.3f%n", run(r1, human, 26, 25));
        System.out.printf("  again human B: %.3f%n", run(r1, human, 26, 25));
        Recognizer r2 = new Recognizer(model, 16000f); r2.setWords(true);
        System.out.printf("after %.0f s synthetic: warm-up %.3f, human B %.3f%n", warmS, run(r2, synth, 0, warmS), run(r2, human, 26, 25));
        Recognizer r3 = new Recognizer(model, 16000f); r3.setWords(true);
        System.out.printf("after human A (25 s): A %.3f, held-out human B %.3f%n", run(r3, human, 0, 25), run(r3, human, 26, 25));
    }
}
