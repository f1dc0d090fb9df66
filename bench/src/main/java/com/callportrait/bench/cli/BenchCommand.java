package com.callportrait.bench.cli;

import com.callportrait.common.config.Env;
import com.callportrait.server.Settings;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Base of every benchmark command: returns its exit status from {@link #call()} and prints to the
 * command line's output. Instances are created by picocli per invocation; not shared.
 */
public abstract class BenchCommand implements Callable<Integer> {

    @Spec
    protected CommandSpec spec;

    /** Every module's settings, validated by {@link BenchMain} before the benchmark ran. */
    protected Settings settings() {
        return main().settings();
    }

    /** The environment the run was started with, for settings that are the benchmark's own. */
    protected Env env() {
        return main().env();
    }

    private BenchMain main() {
        if (spec.root().userObject() instanceof BenchMain main) {
            return main;
        }
        throw new IllegalStateException("benchmarks run under BenchMain, which builds their settings");
    }

    /** Standard output of this command line (tests capture it). */
    protected PrintWriter out() {
        return spec.commandLine().getOut();
    }
}
