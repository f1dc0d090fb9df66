package com.callportrait.fuzz;

import java.io.File;

/** What a server holds of the operating system: open file descriptors and live threads. */
final class Resources {
    private Resources() {
    }

    /** Open file descriptors of this JVM (Linux {@code /proc/self/fd}); -1 where unknown. */
    static int openFds() {
        String[] fds = new File("/proc/self/fd").list();
        return fds == null ? -1 : fds.length;
    }

    /** Live threads whose name starts with one of {@code prefixes} (a server's own threads). */
    static long threads(String... prefixes) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> java.util.Arrays.stream(prefixes).anyMatch(p -> t.getName().startsWith(p))).count();
    }

    /** Waits up to {@code seconds} for {@code condition}; false if it never held. */
    static boolean await(double seconds, java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(20);
        }
        return condition.getAsBoolean();
    }
}
