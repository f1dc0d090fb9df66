package com.callportrait.app.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code profile ...}: customer portraits. Add a subcommand with one line in {@code subcommands}. */
@Command(name = "profile", mixinStandardHelpOptions = true, description = "Customer portraits: import, show.",
        subcommands = {
                ProfileImportCommand.class,
                ProfileShowCommand.class,
        })
public final class ProfileCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
