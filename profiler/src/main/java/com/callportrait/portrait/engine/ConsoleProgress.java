package com.callportrait.portrait.engine;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * A progress bar for a build on a console stream (stderr): phase, steps done / total, rate and ETA.
 * On a terminal it redraws one line in place (at most five times a second); otherwise (a log file, a
 * pipe) it prints a plain line every {@code plainEvery} nanoseconds, so logs stay readable. Every
 * phase ends with a line of its count and duration.
 *
 * <p>Thread-safe: the build's workers report concurrently; each call is short and the printing is
 * throttled. Lifecycle: report phases, then {@link #close()} (ends a half-drawn line).
 */
public final class ConsoleProgress implements BuildListener, AutoCloseable {
    /** Redraw interval on a terminal. */
    private static final long TERMINAL_EVERY = 200_000_000L;
    /** Plain-line interval when the stream is not a terminal. */
    public static final long DEFAULT_PLAIN_EVERY = 10_000_000_000L;
    private static final int WIDTH = 30;

    private final PrintWriter out;
    private final boolean terminal;
    private final long plainEvery;
    private final LongSupplier clock;
    private String phase;
    private long total;
    private long started;
    private long lastPrint;
    private long done;
    private boolean lineOpen;

    /**
     * @param out        where to draw (normally the command line's stderr)
     * @param terminal   whether {@code out} is an interactive terminal (redraw in place)
     * @param plainEvery nanoseconds between plain lines when not a terminal
     * @param clock      nanosecond clock ({@code System::nanoTime})
     */
    public ConsoleProgress(PrintWriter out, boolean terminal, long plainEvery, LongSupplier clock) {
        this.out = out;
        this.terminal = terminal;
        this.plainEvery = plainEvery;
        this.clock = clock;
    }

    /**
     * On a command line's stderr; a terminal when the process has a console and {@code term} (the
     * {@code TERM} variable) is set and not {@code dumb}. Java 17 cannot ask about stderr itself, so
     * a stderr redirected while stdin and stdout stay on the console still redraws.
     */
    public static ConsoleProgress of(PrintWriter stderr, String term) {
        boolean tty = System.console() != null && term != null && !term.equals("dumb");
        return new ConsoleProgress(stderr, tty, DEFAULT_PLAIN_EVERY, System::nanoTime);
    }

    @Override
    public synchronized void phase(String name, long total) {
        endLine();
        this.phase = name;
        this.total = total;
        this.done = 0;
        this.started = clock.getAsLong();
        this.lastPrint = started;
        if (!terminal) {
            out.println(String.format(Locale.ROOT, "%s: started%s", name,
                    total >= 0 ? String.format(Locale.ROOT, " (%,d to do)", total) : ""));
            out.flush();
        }
    }

    @Override
    public synchronized void progress(long done) {
        this.done = Math.max(this.done, done);
        long now = clock.getAsLong();
        if (now - lastPrint < (terminal ? TERMINAL_EVERY : plainEvery)) {
            return;
        }
        lastPrint = now;
        if (terminal) {
            out.print('\r' + line(now) + "\u001b[K");
            lineOpen = true;
        } else {
            out.println(line(now));
        }
        out.flush();
    }

    @Override
    public synchronized void phaseDone(String name, long millis) {
        endLine();
        out.println(String.format(Locale.ROOT, "%s: done%s in %s", name,
                done > 0 ? String.format(Locale.ROOT, " %,d", Math.max(done, total)) : "", duration(millis / 1000.0)));
        out.flush();
        phase = null;
    }

    /** The current line: {@code portraits [=====>    ] 412,000/1,000,000 41% 5,230/s ETA 1m52s}. */
    synchronized String line(long now) {
        double sec = Math.max(1e-9, (now - started) / 1e9);
        double rate = done / sec;
        StringBuilder sb = new StringBuilder(phase == null ? "" : phase).append(' ');
        if (total > 0) {
            double f = Math.min(1, done / (double) total);
            int filled = (int) (f * WIDTH);
            sb.append('[').append("=".repeat(filled)).append(filled < WIDTH ? ">" : "")
                    .append(" ".repeat(Math.max(0, WIDTH - filled - 1))).append("] ");
            sb.append(String.format(Locale.ROOT, "%,d/%,d %3.0f%% %,.0f/s ETA %s", done, total, f * 100, rate,
                    rate > 0 ? duration((total - done) / rate) : "?"));
        } else {
            sb.append(String.format(Locale.ROOT, "%,d %,.0f/s elapsed %s", done, rate, duration(sec)));
        }
        return sb.toString();
    }

    private static String duration(double sec) {
        long s = Math.max(0, Math.round(sec));
        return s >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", s / 3600, s / 60 % 60)
                : s >= 60 ? String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60) : s + "s";
    }

    private void endLine() {
        if (lineOpen) {
            out.println();
            lineOpen = false;
        }
    }

    @Override
    public synchronized void close() {
        endLine();
        out.flush();
    }
}
