package com.callportrait.app;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import net.logstash.logback.encoder.LogstashEncoder;
import org.slf4j.LoggerFactory;

/**
 * Switches the console log to JSON (one object per line, MDC fields {@code call}, {@code uniqueid}
 * and the rest included) when {@code CP_LOG_FORMAT=json}. {@code logback.xml} configures the text
 * format; doing the switch in code keeps a single validated source for the setting.
 */
final class LogSetup {
    private LogSetup() {
    }

    static void apply(AppOptions.LogFormat format) {
        if (format != AppOptions.LogFormat.JSON || !(LoggerFactory.getILoggerFactory() instanceof LoggerContext ctx)) {
            return;
        }
        Logger root = ctx.getLogger(Logger.ROOT_LOGGER_NAME);
        if (root.getAppender("JSON") != null) {
            return;
        }
        LogstashEncoder encoder = new LogstashEncoder();
        encoder.setContext(ctx);
        encoder.start();
        ConsoleAppender<ILoggingEvent> json = new ConsoleAppender<>();
        json.setName("JSON");
        json.setContext(ctx);
        json.setEncoder(encoder);
        json.start();
        root.detachAppender("TEXT");
        root.addAppender(json);
    }
}
