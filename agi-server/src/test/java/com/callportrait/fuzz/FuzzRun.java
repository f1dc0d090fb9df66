package com.callportrait.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs a seeded, reproducible fuzz campaign against one target: case {@code i} of seed {@code S}
 * is generated from its own random stream, so {@code -Dfuzz.seed=S -Dfuzz.case=i} replays exactly
 * that input. The cases run on a worker thread watched by the caller: a case that takes longer
 * than {@code fuzz.hang.ms} is a hang. A failing or hanging input is written to
 * {@code target/fuzz-failures/} and the run fails with the seed, the case number and the command
 * that reproduces it. Not thread-safe; one run at a time.
 *
 * <p>System properties: {@code fuzz.cases} (default given by the test, 100,000 in CI),
 * {@code fuzz.seed} (a number, or {@code random}; the default is fixed so CI is reproducible),
 * {@code fuzz.case} (run only that case), {@code fuzz.hang.ms} (default 10,000).
 */
final class FuzzRun {

    /** One fuzz target: makes an input from a random stream, runs it and checks the properties. */
    interface Target {
        byte[] input(SplittableRandom r);

        /**
         * Feeds {@code input} (chunked by {@code r}) and throws an {@link AssertionError} (or anything)
         * when a property fails; returns a short label of what happened, counted in the summary.
         */
        String run(byte[] input, SplittableRandom r) throws Exception;
    }

    static final long DEFAULT_SEED = 20261122L;

    private final String name;
    private final Target target;

    FuzzRun(String name, Target target) {
        this.name = name;
        this.target = target;
    }

    /** Summary of a finished run. */
    record Result(String name, long seed, long cases, double seconds, Map<String, Long> outcomes) {
        double execsPerSecond() {
            return cases / Math.max(seconds, 1e-9);
        }

        long count(String outcome) {
            return outcomes.getOrDefault(outcome, 0L);
        }
    }

    static long seedFromProperties() {
        String s = System.getProperty("fuzz.seed", "");
        if (s.isBlank()) {
            return DEFAULT_SEED;
        }
        return s.equals("random") ? System.nanoTime() ^ System.currentTimeMillis() * 31 : Long.parseLong(s.strip());
    }

    static long casesFromProperties(long dflt) {
        return Long.parseLong(System.getProperty("fuzz.cases", Long.toString(dflt)).strip().replace("_", ""));
    }

    static SplittableRandom caseRandom(long seed, long i) {
        long z = seed * 0x9E3779B97F4A7C15L ^ Long.rotateLeft(i * 0xBF58476D1CE4E5B9L + 0x94D049BB133111EBL, 29);
        return new SplittableRandom(z);
    }

    Result run(long defaultCases) {
        long seed = seedFromProperties();
        long cases = casesFromProperties(defaultCases);
        long only = Long.parseLong(System.getProperty("fuzz.case", "-1"));
        long hangMs = Long.parseLong(System.getProperty("fuzz.hang.ms", "10000"));
        System.out.printf("fuzz %s: seed %d, %d cases%s%n", name, seed, cases, only >= 0 ? " (only case " + only + ")" : "");

        Map<String, Long> outcomes = new TreeMap<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        long[] current = {-1};
        byte[][] currentInput = {null};
        long[] caseStart = {0};
        long[] done = {0};
        Object lock = new Object();
        Thread worker = new Thread(() -> {
            for (long i = only >= 0 ? only : 0; i < (only >= 0 ? only + 1 : cases); i++) {
                SplittableRandom r = caseRandom(seed, i);
                byte[] input = target.input(r);
                synchronized (lock) {
                    current[0] = i;
                    currentInput[0] = input;
                    caseStart[0] = System.nanoTime();
                }
                try {
                    String outcome = target.run(input, r);
                    outcomes.merge(outcome, 1L, Long::sum);
                } catch (Throwable t) {
                    failure.set(new AssertionError(describe(seed, i, input, "failed: " + t), t));
                    return;
                }
                synchronized (lock) {
                    done[0]++;
                }
            }
        }, "fuzz-" + name);
        worker.setDaemon(true);
        long t0 = System.nanoTime();
        worker.start();
        try {
            while (worker.isAlive()) {
                worker.join(250);
                synchronized (lock) {
                    if (worker.isAlive() && current[0] >= 0 && (System.nanoTime() - caseStart[0]) / 1_000_000 > hangMs) {
                        throw new AssertionError(describe(seed, current[0], currentInput[0],
                                "hangs: still running after " + hangMs + " ms"));
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
        if (failure.get() != null) {
            throw (AssertionError) failure.get();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        Result result = new Result(name, seed, done[0], seconds, outcomes);
        String line = String.format("fuzz %s: seed %d, %d cases in %.1f s (%.0f execs/s), outcomes %s",
                name, seed, result.cases(), seconds, result.execsPerSecond(), outcomes);
        System.out.println(line);
        appendStats(line);
        return result;
    }

    private String describe(long seed, long i, byte[] input, String what) {
        Path saved = save(seed, i, input);
        return String.format("fuzz %s case %d of seed %d %s%n  input (%d bytes) saved to %s%n"
                        + "  reproduce: mvn -B -o -pl agi-server -am test -Dsurefire.failIfNoSpecifiedTests=false "
                        + "-Dtest='*FuzzTest' -Dfuzz.seed=%d -Dfuzz.case=%d",
                name, i, seed, what, input.length, saved, seed, i);
    }

    private Path save(long seed, long i, byte[] input) {
        try {
            Path dir = Path.of("target", "fuzz-failures");
            Files.createDirectories(dir);
            Path f = dir.resolve(name + "-seed" + seed + "-case" + i + ".bin");
            Files.write(f, input);
            return f.toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void appendStats(String line) {
        try {
            Path f = Path.of("target", "fuzz-stats.txt");
            Files.createDirectories(f.getParent());
            Files.writeString(f, java.time.Instant.now() + " " + line + System.lineSeparator(),
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
