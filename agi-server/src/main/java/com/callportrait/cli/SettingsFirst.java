package com.callportrait.cli;

import com.callportrait.common.config.ConfigException;
import com.callportrait.server.LogSetup;
import com.callportrait.server.Settings;
import java.util.function.Supplier;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * How a CallPortrait command line runs (shared by {@code callportrait.jar} and the bench jar): help
 * needs no settings; otherwise every setting is built and validated, and logging set up, before the
 * command runs, and a bad value exits {@link #EXIT_BAD_OPTIONS} with one line naming the variable
 * ({@code callportrait: invalid setting: CP_AGI_PORT must be ...}). Stateless.
 */
public final class SettingsFirst {
    /** Exit status when a setting is invalid. */
    public static final int EXIT_BAD_OPTIONS = 2;

    private SettingsFirst() {
    }

    /**
     * Installs the strategy on {@code cl}.
     *
     * @param program  the name errors start with
     * @param settings builds (once) and returns the validated settings
     * @param oneLine  expected failures of a command (Redis unreachable, an unreadable file) print one
     *                 line and exit 1 instead of a stack trace
     */
    public static void install(CommandLine cl, String program, Supplier<Settings> settings, boolean oneLine) {
        cl.setExecutionStrategy(parsed -> {
            Integer help = CommandLine.executeHelpRequest(parsed);
            if (help != null) {
                return help;
            }
            try {
                LogSetup.apply(settings.get().app().logFormat());
            } catch (ConfigException e) {
                parsed.commandSpec().commandLine().getErr().println(program + ": invalid setting: " + e.getMessage());
                return EXIT_BAD_OPTIONS;
            }
            return new CommandLine.RunLast().execute(parsed);
        });
        cl.setExecutionExceptionHandler((ex, line, parsed) -> {
            if (ex instanceof ConfigException) {
                line.getErr().println(program + ": invalid setting: " + ex.getMessage());
                return EXIT_BAD_OPTIONS;
            }
            if (oneLine && ex instanceof RuntimeException && !(ex instanceof NullPointerException)) {
                line.getErr().println(program + ": " + ex.getMessage());
                LoggerFactory.getLogger(SettingsFirst.class).debug("command failed", ex);
                return 1;
            }
            throw ex;
        });
    }
}
