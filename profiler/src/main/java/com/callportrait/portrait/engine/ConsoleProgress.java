package com.callportrait.portrait.engine;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarConsumer;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A build's progress on a console stream (stderr), drawn by the {@code progressbar} library: one bar
 * per phase with steps done / total, percentage, elapsed and ETA, and rate. On a terminal the bar is
 * redrawn in place five times a second; otherwise (a log file, a pipe) it is printed as a plain line
 * every {@code plainEvery} (after a line saying the phase started), so logs stay readable and carry
 * no carriage returns. Every phase ends with a line of its count and duration.
 *
 * <p>Thread-safe: the build's workers report concurrently ({@link ProgressBar} steps are atomic and
 * it renders on its own daemon thread). Lifecycle: report phases, then {@link #close()}.
 */
public final class ConsoleProgress implements BuildListener, AutoCloseable {
    /** Plain-line interval when the stream is not a terminal. */
    public static final Duration DEFAULT_PLAIN_EVERY = Duration.ofSeconds(10);
    private static final int TERMINAL_REDRAW_MS = 200;
    private static final int LINE_WIDTH = 110;

    private final PrintWriter out;
    private final boolean terminal;
    private final Duration plainEvery;
    private ProgressBar bar;
    private long total;
    private long done;
    /**
     * Guards {@link #lastPlain}. Not {@code this}: the bar renders on its own thread, and closing it
     * (under {@code this}) waits for that thread.
     */
    private final Object plainLock = new Object();
    private String lastPlain;

    /**
     * @param out        where to draw (normally the command line's stderr)
     * @param terminal   whether {@code out} is an interactive terminal (redraw in place)
     * @param plainEvery interval between plain lines when not a terminal
     */
    public ConsoleProgress(PrintWriter out, boolean terminal, Duration plainEvery) {
        if (plainEvery.isNegative() || plainEvery.isZero()) {
            throw new IllegalArgumentException("plainEvery must be positive, was " + plainEvery);
        }
        this.out = out;
        this.terminal = terminal;
        this.plainEvery = plainEvery;
    }

    /**
     * On a command line's stderr; a terminal when the process has a console and {@code term} (the
     * {@code TERM} variable) is set and not {@code dumb}. Java 17 cannot ask about stderr itself, so
     * a stderr redirected while stdin and stdout stay on the console still redraws.
     */
    public static ConsoleProgress of(PrintWriter stderr, String term) {
        boolean tty = System.console() != null && term != null && !term.equals("dumb");
        return new ConsoleProgress(stderr, tty, DEFAULT_PLAIN_EVERY);
    }

    @Override
    public synchronized void phase(String name, long total) {
        closeBar();
        this.total = total;
        this.done = 0;
        if (!terminal) {
            out.println(String.format(Locale.ROOT, "%s: started%s", name,
                    total >= 0 ? String.format(Locale.ROOT, " (%,d to do)", total) : ""));
            out.flush();
        }
        bar = new ProgressBarBuilder()
                .setTaskName(name)
                .setInitialMax(total >= 0 ? total : -1)
                .setStyle(ProgressBarStyle.ASCII)
                .showSpeed()
                .setSpeedUnit(ChronoUnit.SECONDS)
                .setUpdateIntervalMillis(terminal ? TERMINAL_REDRAW_MS : (int) Math.min(Integer.MAX_VALUE, plainEvery.toMillis()))
                .setConsumer(terminal ? new Redraw(out) : new DelegatingProgressBarConsumer(this::plainLine, LINE_WIDTH))
                .build();
    }

    @Override
    public synchronized void progress(long done) {
        if (done > this.done) {
            this.done = done;
            if (bar != null) {
                bar.stepTo(done);
            }
        }
    }

    @Override
    public synchronized void phaseDone(String name, long millis) {
        long count = Math.max(done, total);
        if (bar != null && count > done) {
            bar.stepTo(count);
        }
        closeBar();
        out.println(String.format(Locale.ROOT, "%s: done%s in %s", name,
                count > 0 ? String.format(Locale.ROOT, " %,d", count) : "", duration(millis / 1000.0)));
        out.flush();
    }

    /** A plain line, unless it repeats the last one (the bar renders again when it closes). */
    private void plainLine(String line) {
        String l = line.stripTrailing();
        synchronized (plainLock) {
            if (!l.equals(lastPlain)) {
                lastPlain = l;
                out.println(l);
                out.flush();
            }
        }
    }

    private static String duration(double sec) {
        long s = Math.max(0, Math.round(sec));
        return s >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", s / 3600, s / 60 % 60)
                : s >= 60 ? String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60) : s + "s";
    }

    private void closeBar() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }

    @Override
    public synchronized void close() {
        closeBar();
        out.flush();
    }

    /** Redraws the bar in place on a terminal; ends its line when the bar closes. */
    private static final class Redraw implements ProgressBarConsumer {
        private final PrintWriter out;

        Redraw(PrintWriter out) {
            this.out = out;
        }

        @Override
        public int getMaxRenderedLength() {
            return LINE_WIDTH;
        }

        @Override
        public void accept(String rendered) {
            out.print('\r' + rendered + "\u001b[K");
            out.flush();
        }

        @Override
        public void close() {
            out.println();
            out.flush();
        }
    }
}
