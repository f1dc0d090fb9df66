package com.callportrait.cli;

import com.callportrait.server.AppOptions;
import com.callportrait.server.Settings;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Base of every command: gives access to the validated {@link Settings} that {@link Main} built
 * before the command ran. A command returns its
 * exit status from {@link #call()}. Instances are created by picocli per invocation; not shared.
 */
public abstract class AppCommand implements Callable<Integer> {

    @Spec
    protected CommandSpec spec;

    /** Every module's settings (validated; a bad setting has already stopped the process). */
    protected Settings settings() {
        Object root = spec.root().userObject();
        if (root instanceof Main main) {
            return main.settings();
        }
        throw new IllegalStateException("commands run under cli.Main, which builds their settings");
    }

    /** The application's options: {@code settings().app()}. */
    protected AppOptions options() {
        return settings().app();
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
