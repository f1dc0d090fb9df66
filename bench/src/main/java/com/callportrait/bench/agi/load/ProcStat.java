package com.callportrait.bench.agi.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time a process has used so far, from {@code /proc/<pid>/stat} ({@code utime + stime}, fields
 * 14 and 15, in clock ticks of 10 ms). Reading another process's counters lets one process measure
 * the CPU of the server it loads without touching it. Stateless; any thread.
 */
public final class ProcStat {
    /** {@code sysconf(_SC_CLK_TCK)} on Linux x86-64. */
    private static final long NANOS_PER_TICK = 10_000_000L;

    private ProcStat() {
    }

    /** CPU nanoseconds (user + system) of {@code pid}; {@code self} for this process. */
    public static long cpuNanos(String pid) {
        return cpuOf(Path.of("/proc", pid, "stat"));
    }

    /**
     * CPU nanoseconds of each thread of {@code pid}, summed by thread name with digits replaced by
     * {@code N} ({@code agi-io-3-1} and {@code agi-io-3-2} count as {@code agi-io-N-N}).
     */
    public static java.util.Map<String, Long> cpuByThread(String pid) {
        java.util.Map<String, Long> out = new java.util.TreeMap<>();
        try (var tasks = Files.list(Path.of("/proc", pid, "task"))) {
            for (Path t : (Iterable<Path>) tasks::iterator) {
                try {
                    String name = Files.readString(t.resolve("comm")).strip().replaceAll("[0-9]+", "N");
                    out.merge(name, cpuOf(t.resolve("stat")), Long::sum);
                } catch (IllegalStateException | IOException e) {
                    // the thread ended between the listing and the read
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot list /proc/" + pid + "/task: " + e.getMessage(), e);
        }
        return out;
    }

    private static long cpuOf(Path statFile) {
        String stat;
        try {
            stat = Files.readString(statFile);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + statFile + ": " + e.getMessage(), e);
        }
        // the command name (field 2) is in parentheses and may contain spaces: count from its end
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // f[0] is field 3 (state): utime is field 14 -> f[11], stime field 15 -> f[12]
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * NANOS_PER_TICK;
    }
}
