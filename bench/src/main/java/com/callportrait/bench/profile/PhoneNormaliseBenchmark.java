package com.callportrait.bench.profile;

import com.callportrait.profile.PhoneNumbers;
import com.callportrait.profile.PhoneOptions;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The cost of one {@link PhoneNumbers#normalise} on the routing path, per presentation of a caller
 * id (E.164 with {@code +}, national with prefix, a SIP URI, a short extension), single thread,
 * after a warm-up. Seeded, so two runs normalise the same numbers. Stateless.
 */
public final class PhoneNormaliseBenchmark {

    private PhoneNormaliseBenchmark() {
    }

    /** One presentation and the caller ids written that way. */
    record Form(String name, List<String> ids) {
    }

    /** Runs {@code rounds} timed passes over {@code n} ids per form for region {@code region}; prints Markdown. */
    public static void run(String region, int n, int rounds, long seed, PrintWriter out) {
        PhoneOptions options = PhoneOptions.of(region);
        List<Form> forms = forms(region, n, new Random(seed));
        out.printf("Region %s, %d caller ids per form, %d timed rounds, one thread%n%n", region, n, rounds);
        out.println("| form | example | key | ns per normalisation (median round) |");
        out.println("| --- | --- | --- | --- |");
        long sink = 0;
        for (Form f : forms) {
            for (int w = 0; w < 5; w++) {
                sink += pass(f.ids(), options);
            }
            double[] perOp = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                long t0 = System.nanoTime();
                sink += pass(f.ids(), options);
                perOp[r] = (System.nanoTime() - t0) / (double) f.ids().size();
            }
            java.util.Arrays.sort(perOp);
            String example = f.ids().get(0);
            out.printf("| %s | `%s` | `%s` | %.0f |%n", f.name(), example,
                    PhoneNumbers.normalise(example, options).orElse("(none)"), perOp[rounds / 2]);
        }
        out.printf("%n(checksum %d)%n", sink);
        out.flush();
    }

    private static long pass(List<String> ids, PhoneOptions options) {
        long s = 0;
        for (String id : ids) {
            s += PhoneNumbers.normalise(id, options).map(String::length).orElse(0);
        }
        return s;
    }

    private static List<Form> forms(String region, int n, Random r) {
        List<String> e164 = new ArrayList<>();
        List<String> national = new ArrayList<>();
        List<String> uri = new ArrayList<>();
        List<String> extension = new ArrayList<>();
        boolean cn = "CN".equalsIgnoreCase(region);
        for (int i = 0; i < n; i++) {
            String sub = cn ? "13" + (8 + r.nextInt(2)) + digits(8, r) : (2 + r.nextInt(8)) + digits(2, r) + (2 + r.nextInt(8)) + digits(6, r);
            String cc = cn ? "86" : "1";
            e164.add("+" + cc + sub);
            national.add(cn ? sub.substring(0, 3) + " " + sub.substring(3, 7) + " " + sub.substring(7)
                    : "(" + sub.substring(0, 3) + ") " + sub.substring(3, 6) + "-" + sub.substring(6));
            uri.add("\"Caller " + i + "\" <sip:" + cc + sub + "@trunk.example.net>");
            extension.add(Integer.toString(100 + r.nextInt(9000)));
        }
        return List.of(new Form("E.164 with +", e164), new Form("national, formatted", national),
                new Form("SIP URI with name", uri), new Form("extension", extension));
    }

    private static String digits(int k, Random r) {
        StringBuilder b = new StringBuilder(k);
        for (int i = 0; i < k; i++) {
            b.append(r.nextInt(10));
        }
        return b.toString();
    }
}
