package com.callportrait.server;

import ch.qos.logback.classic.AsyncAppender;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import net.logstash.logback.encoder.LogstashEncoder;
import org.slf4j.LoggerFactory;

/**
 * Switches the console log to JSON (one object per line, MDC fields {@code call}, {@code uniqueid}
 * and the rest included) when {@code CP_LOG_FORMAT=json}. {@code logback.xml} configures the text
 * format; doing the switch in code keeps a single validated source for the setting.
 */
public final class LogSetup {
    private LogSetup() {
    }

    public static void apply(AppOptions.LogFormat format) {
        if (format != AppOptions.LogFormat.JSON || !(LoggerFactory.getILoggerFactory() instanceof LoggerContext ctx)) {
            return;
        }
        Logger root = ctx.getLogger(Logger.ROOT_LOGGER_NAME);
        if (root.getAppender("CONSOLE_JSON") != null) {
            return;
        }
        LogstashEncoder encoder = new LogstashEncoder();
        encoder.setContext(ctx);
        encoder.start();
        ConsoleAppender<ILoggingEvent> json = new ConsoleAppender<>();
        json.setName("JSON");
        json.setContext(ctx);
        json.setEncoder(encoder);
        json.setTarget("System.err");
        json.start();
        // Same hand-off as logback.xml's CONSOLE: never block an event loop on stderr.
        AsyncAppender async = new AsyncAppender();
        async.setName("CONSOLE_JSON");
        async.setContext(ctx);
        async.setQueueSize(8192);
        async.addAppender(json);
        async.start();
        Appender<ILoggingEvent> text = root.getAppender("CONSOLE");
        root.detachAppender("CONSOLE");
        if (text != null) {
            text.stop();
        }
        root.addAppender(async);
    }

    /**
     * Drains the asynchronous console appender and stops logging. Called last, when the process is
     * about to exit (end of a command, end of the shutdown hook), so no queued line is lost.
     * Idempotent.
     */
    public static void flush() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext ctx && ctx.isStarted()) {
            ctx.stop();
        }
    }
}
