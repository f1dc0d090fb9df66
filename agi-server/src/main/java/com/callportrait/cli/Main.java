package com.callportrait.cli;

import com.callportrait.common.config.Env;
import com.callportrait.server.AppOptions;
import com.callportrait.server.LogSetup;
import com.callportrait.server.Settings;
import java.io.PrintWriter;
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
 * <p>Settings come from environment variables: {@link Settings} is built from them once, before any
 * command runs (after {@code --help}, which needs none), and validates every module's options then; a
 * bad value exits with status 2 and a message naming it. Commands take their options from it and
 * never read the environment themselves. This class is the one caller of {@link Env#system()}. One
 * instance per command-line run, used on the main thread; only {@link #settings()} is thread-safe
 * (synchronized).
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
    public static final int EXIT_BAD_OPTIONS = SettingsFirst.EXIT_BAD_OPTIONS;

    private final Env env;
    private Settings settings;

    private Main(Env env) {
        this.env = env;
    }

    /** A command line over the process environment (its settings are built when a command first needs them). */
    public Main() {
        this(Env.system());
    }

    public static void main(String[] args) {
        int status = run(args);
        LogSetup.flush();
        System.exit(status);
    }

    /** Runs the command line with the process environment and returns the exit status (tests call this instead of main). */
    public static int run(String... args) {
        return run(new Main(), null, null, args);
    }

    /** Runs the command line with the settings in {@code env} (tests, embedded use). */
    public static int run(Env env, String... args) {
        return run(env, null, null, args);
    }

    /** As {@link #run(Env, String...)} writing to {@code out} and {@code err} (null: standard output and error). */
    public static int run(Env env, PrintWriter out, PrintWriter err, String... args) {
        return run(new Main(env), out, err, args);
    }

    private static int run(Main main, PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = new CommandLine(main);
        if (out != null) {
            cl.setOut(out);
        }
        if (err != null) {
            cl.setErr(err);
        }
        SettingsFirst.install(cl, "callportrait", main::settings, true);
        return cl.execute(args);
    }

    /** Every module's validated settings, built from the environment on first use (before any command runs). */
    public synchronized Settings settings() {
        if (settings == null) {
            settings = Settings.from(env);
        }
        return settings;
    }

    /** The application's options: {@code settings().app()}. */
    public AppOptions options() {
        return settings().app();
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
