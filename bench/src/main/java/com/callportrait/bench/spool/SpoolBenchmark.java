package com.callportrait.bench.spool;

import com.callportrait.records.spool.Journal;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * What accepting a record costs: {@link Journal#append} (write + fsync) of batches of {@code b}
 * records of {@code bytes} each, for several batch sizes, in a scratch directory that should be on
 * the disk the real spool uses. Prints per batch size: commits, µs per commit (p50, p99), µs per
 * record and records/s when the appender thread does nothing else. Single-threaded; not thread-safe.
 */
public final class SpoolBenchmark {
    /** One batch size's result. */
    public record Row(int batch, int commits, double p50Us, double p99Us, double usPerRecord, double recordsPerSecond) {
    }

    private SpoolBenchmark() {
    }

    public static List<Row> run(Path dir, int records, int bytes, int[] batches, PrintWriter out) throws IOException {
        List<Row> rows = new ArrayList<>();
        byte[] payload = new byte[bytes];
        new Random(42).nextBytes(payload);
        out.printf("spool benchmark: %d records of %d bytes per batch size, in %s%n", records, bytes,
                dir.toAbsolutePath());
        out.printf("%8s %8s %12s %12s %14s %12s%n", "batch", "commits", "p50 us", "p99 us", "us/record", "records/s");
        for (int b : batches) {
            Path d = dir.resolve("batch-" + b);
            try (Journal j = Journal.open(d, Long.MAX_VALUE / 4)) {
                List<byte[]> batch = new ArrayList<>();
                for (int i = 0; i < b; i++) {
                    batch.add(payload);
                }
                int commits = Math.max(1, records / b);
                long[] nanos = new long[commits];
                long t0 = System.nanoTime();
                for (int c = 0; c < commits; c++) {
                    long s = System.nanoTime();
                    j.append(batch);
                    nanos[c] = System.nanoTime() - s;
                    if (c % 64 == 63) {
                        List<Journal.Entry> read = j.read(Integer.MAX_VALUE);
                        j.ack(read.get(read.size() - 1).seq()); // keep segments being deleted, as in production
                    }
                }
                long total = System.nanoTime() - t0;
                Arrays.sort(nanos);
                Row r = new Row(b, commits, nanos[commits / 2] / 1e3, nanos[Math.min(commits - 1, (int) (commits * 0.99))] / 1e3,
                        total / 1e3 / ((long) commits * b), (long) commits * b / (total / 1e9));
                rows.add(r);
                out.printf("%8d %8d %12.1f %12.1f %14.1f %12.0f%n", r.batch(), r.commits(), r.p50Us(), r.p99Us(),
                        r.usPerRecord(), r.recordsPerSecond());
                out.flush();
            } finally {
                delete(d);
            }
        }
        return rows;
    }

    private static void delete(Path d) throws IOException {
        if (!Files.exists(d)) {
            return;
        }
        try (Stream<Path> s = Files.walk(d)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
