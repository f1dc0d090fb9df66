package com.callportrait.fuzz;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Raises the named loggers to {@code ERROR} for the length of a fuzz run (a warning per rejected
 * session, 100,000 times, would bury the test output and cost more than the decoding) and keeps
 * what they still log: any ERROR there is an unexpected failure the fuzzer must report. Can also
 * keep the WARN lines, so a test can check that each hostile session was logged with its reason.
 */
final class QuietLogs implements AutoCloseable {
    private final List<Logger> loggers = new ArrayList<>();
    private final List<Level> levels = new ArrayList<>();
    private final List<String> errors = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private final AppenderBase<ILoggingEvent> counter = new AppenderBase<>() {
        @Override
        protected void append(ILoggingEvent e) {
            if (e.getLevel().isGreaterOrEqual(Level.ERROR)) {
                synchronized (errors) {
                    errors.add(e.getLoggerName() + ": " + e.getFormattedMessage()
                            + (e.getThrowableProxy() == null ? "" : " " + e.getThrowableProxy().getClassName()
                            + ": " + e.getThrowableProxy().getMessage()));
                }
            } else if (e.getLevel() == Level.WARN && keepWarnings) {
                synchronized (warnings) {
                    warnings.add(e.getFormattedMessage());
                }
            }
        }
    };

    private final boolean keepWarnings;

    /** @param keepWarnings keep the WARN lines (they are then still formatted, but not printed) */
    QuietLogs(boolean keepWarnings, String... names) {
        this.keepWarnings = keepWarnings;
        counter.start();
        for (String name : names) {
            Logger l = (Logger) LoggerFactory.getLogger(name);
            loggers.add(l);
            levels.add(l.getLevel());
            l.setLevel(keepWarnings ? Level.WARN : Level.ERROR);
            l.setAdditive(false);
            l.addAppender(counter);
        }
    }

    List<String> errors() {
        synchronized (errors) {
            return List.copyOf(errors);
        }
    }

    /** The WARN lines logged (only kept when asked for). */
    List<String> warnings() {
        synchronized (warnings) {
            return List.copyOf(warnings);
        }
    }

    @Override
    public void close() {
        for (int i = 0; i < loggers.size(); i++) {
            loggers.get(i).detachAppender(counter);
            loggers.get(i).setAdditive(true);
            loggers.get(i).setLevel(levels.get(i));
        }
        counter.stop();
    }
}
