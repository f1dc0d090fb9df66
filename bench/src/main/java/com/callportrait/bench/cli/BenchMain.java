package com.callportrait.bench.cli;

import com.callportrait.cli.SettingsFirst;
import com.callportrait.common.config.Env;
import com.callportrait.server.LogSetup;
import com.callportrait.server.Settings;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of {@code callportrait-bench.jar}: one subcommand per benchmark. Add one by writing
 * a {@link BenchCommand} in this package and listing it in {@code subcommands} (one line).
 *
 * <p>As in {@code callportrait.jar}, {@link Settings} is built from the environment once, before any
 * benchmark runs, and a bad setting exits with status 2 and a message naming the variable; benchmarks
 * take their options from it (or, for one-off reads, from {@link #env()}) and never read the environment
 * themselves. This class is the bench jar's one caller of {@link Env#system()}. Created once per run; not shared.
 */
@Command(name = "callportrait-bench", mixinStandardHelpOptions = true, versionProvider = BenchMain.Version.class,
        description = "CallPortrait benchmarks (loopback; figures in BENCHMARKS.md and RELIABILITY.md).",
        subcommands = {
                AgiCommand.class,
                AgiBaselineServerCommand.class,
                SpoolCommand.class,
                OverloadCommand.class,
                AsrAccuracyCommand.class,
                AsrCapacityCommand.class,
                AsrVadCommand.class,
                AgentLegCostCommand.class,
                EmotionCommand.class,
                RedactionCommand.class,
                ProfileReadCommand.class,
                PhonesCommand.class,
                PortraitCommand.class,
                PortraitBatchCommand.class,
                InsightsCommand.class,
                LiveUpdateCommand.class,
                ChurnCommand.class,
                NextContactCommand.class,
                LiveActionCommand.class,
                RetrainLoadCommand.class,
                CommandLine.HelpCommand.class,
        })
public final class BenchMain implements Runnable {

    /** Exit status when a setting is invalid (as {@code callportrait.jar}). */
    public static final int EXIT_BAD_OPTIONS = SettingsFirst.EXIT_BAD_OPTIONS;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final Env env;
    private Settings settings;

    private BenchMain(Env env) {
        this.env = env;
    }

    /** A command line over the process environment. */
    public BenchMain() {
        this(Env.system());
    }

    public static void main(String[] args) {
        int status = run(args);
        LogSetup.flush();
        System.exit(status);
    }

    /** Runs the command line and returns the exit status (tests call this instead of main). */
    public static int run(String... args) {
        return run(new BenchMain(), args);
    }

    /** Runs the command line with the settings in {@code env} (tests). */
    public static int run(Env env, String... args) {
        return run(new BenchMain(env), args);
    }

    private static int run(BenchMain main, String... args) {
        CommandLine cl = new CommandLine(main);
        SettingsFirst.install(cl, "callportrait-bench", main::settings, false);
        return cl.execute(args);
    }

    /** The environment this run was started with (read once). */
    public Env env() {
        return env;
    }

    /** Every module's validated settings, built from {@link #env()} on first use (before any benchmark runs). */
    public synchronized Settings settings() {
        if (settings == null) {
            settings = Settings.from(env);
        }
        return settings;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Reads the version from the jar manifest, or says it is a development build. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = BenchMain.class.getPackage().getImplementationVersion();
            return new String[] {"callportrait-bench " + (v == null ? "(development build)" : v)};
        }
    }
}
