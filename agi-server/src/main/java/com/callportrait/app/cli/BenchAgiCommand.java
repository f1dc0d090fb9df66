package com.callportrait.app.cli;

import picocli.CommandLine.Command;

/** {@code bench agi}: FastAGI routing throughput and latency against asterisk-java. */
@Command(name = "agi", mixinStandardHelpOptions = true,
        description = "Drives many concurrent FastAGI sessions over loopback against CallPortrait and asterisk-java.")
public final class BenchAgiCommand extends AppCommand {
    @Override
    public Integer call() {
        err().println("bench agi: arrives with the FastAGI server");
        return 1;
    }
}
