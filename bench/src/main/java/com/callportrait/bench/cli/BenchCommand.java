package com.callportrait.bench.cli;

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

    /** Standard output of this command line (tests capture it). */
    protected PrintWriter out() {
        return spec.commandLine().getOut();
    }
}
