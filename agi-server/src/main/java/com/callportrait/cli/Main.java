package com.callportrait.cli;

import com.callportrait.common.config.ConfigException;
import com.callportrait.server.AppOptions;
import com.callportrait.server.LogSetup;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/**
 * Entry point of {@code callportrait.jar}.
 *
 * <p><b>Adding a command:</b> write a class in {@code com.callportrait.cli} extending
 * {@link com.callportrait.cli.AppCommand} and add it to {@code subcommands} below (one line).
 * Nested commands ({@code profile ...}) are registered the same way in {@link ProfileCommand}.
 * Benchmarks are not here: they have their own jar ({@code bench/}).
 *
 * <p>Settings come from environment variables ({@link AppOptions}); they are read and validated
 * once, before any command runs, and a bad value exits with status 2 and a message naming it.
 */
@Command(name = "callportrait", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Real-time customer portrait for Asterisk call centres.",
        subcommands = {
                ServeCommand.class,
                DemoCommand.class,
                ProfileCommand.class,
                TokenCommand.class,
                SimulateCommand.class,
                SoakCommand.class,
                TranscribeCommand.class,
                EmotionCommand.class,
                CommandLine.HelpCommand.class,
        })
public final class Main implements Runnable {

    /** Exit status when a setting is invalid. */
    public static final int EXIT_BAD_OPTIONS = 2;

    private AppOptions options;

    public static void main(String[] args) {
        int status = run(args);
        LogSetup.flush();
        System.exit(status);
    }

    /** Runs the command line and returns the exit status (tests call this instead of main). */
    public static int run(String... args) {
        Main main = new Main();
        CommandLine cl = new CommandLine(main);
        cl.setExecutionStrategy(parsed -> {
            Integer help = CommandLine.executeHelpRequest(parsed);
            if (help != null) {
                return help;
            }
            try {
                LogSetup.apply(main.options().logFormat());
            } catch (ConfigException e) {
                parsed.commandSpec().commandLine().getErr().println("callportrait: invalid setting: " + e.getMessage());
                return EXIT_BAD_OPTIONS;
            }
            return new CommandLine.RunLast().execute(parsed);
        });
        cl.setExecutionExceptionHandler((ex, line, parsed) -> {
            if (ex instanceof ConfigException) {
                line.getErr().println("callportrait: invalid setting: " + ex.getMessage());
                return EXIT_BAD_OPTIONS;
            }
            if (ex instanceof RuntimeException && !(ex instanceof NullPointerException)) {
                // Expected failures (Redis unreachable, unreadable file, bad rules): one clear line.
                line.getErr().println("callportrait: " + ex.getMessage());
                org.slf4j.LoggerFactory.getLogger(Main.class).debug("command failed", ex);
                return 1;
            }
            throw ex;
        });
        return cl.execute(args);
    }

    /** The validated options, read from the environment on first use. */
    public synchronized AppOptions options() {
        if (options == null) {
            options = AppOptions.fromEnvironment();
        }
        return options;
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    /** Reads the version from the jar manifest, or says it is a development build. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"callportrait " + (v == null ? "(development build)" : v)};
        }
    }
}
