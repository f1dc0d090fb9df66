package com.callportrait.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code profile ...}: customer portraits. Add a subcommand with one line in {@code subcommands}.
 * One instance per command-line run, used on the main thread; not thread-safe.
 */
@Command(name = "profile", mixinStandardHelpOptions = true, description = "Customer portraits: import, show, build, report, models.",
        subcommands = {
                ProfileImportCommand.class,
                ProfileShowCommand.class,
                ProfileBuildCommand.class,
                ProfileReportCommand.class,
                ProfileModelsCommand.class,
        })
public final class ProfileCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
