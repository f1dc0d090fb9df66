package com.callportrait.bench.cli;

import com.callportrait.bench.speech.AgentLegCost;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code agent-leg-cost}: the CPU of tapping the agent's leg too, at a few call counts. One instance
 * per command-line run, used on the main thread; not thread-safe.
 */
@Command(name = "agent-leg-cost", mixinStandardHelpOptions = true,
        description = "Streams N real-time calls to the speech engine over loopback AudioSocket, first the caller's leg"
                + " only, then both legs (agent stream = call UUID with version digit 8), and prints CPU, finals and"
                + " frames shed per row. Model: CP_VOSK_MODEL or speech/target/classes/vosk/model-en-us. Run from"
                + " the repository root.")
public final class AgentLegCostCommand extends BenchCommand {
    @Option(names = "--calls", defaultValue = "2,4,8", split = ",", description = "concurrent calls per level (default ${DEFAULT-VALUE})")
    int[] calls;

    @Option(names = "--seconds", defaultValue = "40", description = "seconds per run (default ${DEFAULT-VALUE})")
    int seconds;

    @Override
    public Integer call() throws Exception {
        AgentLegCost.run(settings().speech().asr(), calls, seconds);
        return 0;
    }
}
