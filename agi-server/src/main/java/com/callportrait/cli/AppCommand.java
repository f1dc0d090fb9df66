package com.callportrait.cli;

import com.callportrait.server.AppOptions;
import com.callportrait.cli.Main;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Base of every command: gives access to the validated {@link AppOptions}. A command returns its
 * exit status from {@link #call()}. Instances are created by picocli per invocation; not shared.
 */
public abstract class AppCommand implements Callable<Integer> {

    @Spec
    protected CommandSpec spec;

    /** The process-wide options (validated; a bad setting has already stopped the process). */
    protected AppOptions options() {
        Object root = spec.root().userObject();
        return root instanceof Main main ? main.options() : AppOptions.fromEnvironment();
    }

    /** Standard output of this command line (tests capture it). */
    protected java.io.PrintWriter out() {
        return spec.commandLine().getOut();
    }

    /** Standard error of this command line. */
    protected java.io.PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
