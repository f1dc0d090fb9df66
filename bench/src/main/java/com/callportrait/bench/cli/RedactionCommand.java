package com.callportrait.bench.cli;

import com.callportrait.bench.speech.RedactionBenchmark;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code redaction}: recall, false positives and speed of the standard redactor. One instance per
 * command-line run, used on the main thread; not thread-safe.
 */
@Command(name = "redaction", mixinStandardHelpOptions = true,
        description = "Scores the standard redactor on labelled sets (text TAB types TAB secrets), a seeded spoken set"
                + " and ordinary sentences; prints Markdown and the misses. With no argument: the committed set"
                + " speech/src/test/resources/redaction/redaction-set.tsv.")
public final class RedactionCommand extends BenchCommand {
    @Option(names = "--generated", defaultValue = "0", description = "rows of the seeded spoken set, 0 for none (default ${DEFAULT-VALUE})")
    int generated;

    @Option(names = "--seed", defaultValue = "20261122", description = "seed of the spoken set (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--seed-market", defaultValue = "0",
            description = "rows of the seeded seed-market set: Chinese mobiles, resident ids, bank cards, English and"
                    + " Chinese addresses; 0 for none (default ${DEFAULT-VALUE})")
    int seedMarket;

    @Option(names = "--seed-market-seed", defaultValue = "20261202", description = "seed of the seed-market set (default ${DEFAULT-VALUE})")
    long seedMarketSeed;

    @Option(names = "--negatives", paramLabel = "FILE.tsv[.gz]",
            description = "ordinary sentences (first column), e.g. speech/src/train/goemotions/dev.tsv.gz")
    Path negatives;

    @Parameters(arity = "0..*", paramLabel = "SET.tsv", description = "labelled sets")
    List<Path> sets = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        RedactionBenchmark.run(generated, seed, seedMarket, seedMarketSeed, negatives, sets);
        return 0;
    }
}
