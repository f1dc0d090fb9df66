package com.callportrait.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine;

/** {@code bench ...}: loopback benchmarks. Add a subcommand with one line in {@code subcommands}. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Loopback benchmarks.",
        subcommands = {
                BenchAgiCommand.class,
                BenchSpoolCommand.class,

                BenchOverloadCommand.class,
        })
public final class BenchCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
