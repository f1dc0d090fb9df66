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
        String stat;
        try {
            stat = Files.readString(Path.of("/proc", pid, "stat"));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read /proc/" + pid + "/stat: " + e.getMessage(), e);
        }
        // the command name (field 2) is in parentheses and may contain spaces: count from its end
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // f[0] is field 3 (state): utime is field 14 -> f[11], stime field 15 -> f[12]
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * NANOS_PER_TICK;
    }
}
