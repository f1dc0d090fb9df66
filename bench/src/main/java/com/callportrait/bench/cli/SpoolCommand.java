package com.callportrait.bench.cli;

import com.callportrait.bench.spool.SpoolBenchmark;
import com.callportrait.server.AppOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code spool}: the cost of accepting interaction records (journal write + fsync). One instance
 * per command-line run, used on the main thread; not thread-safe.
 */
@Command(name = "spool", mixinStandardHelpOptions = true,
        description = "Writes records to a scratch spool (under CP_DATA_DIR unless --dir) with one fsync per batch,"
                + " for several batch sizes; prints us per commit (p50/p99), us per record and records/s.")
public final class SpoolCommand extends BenchCommand {
    @Option(names = "--records", defaultValue = "4000", description = "records per batch size (default ${DEFAULT-VALUE})")
    int records;

    @Option(names = "--bytes", defaultValue = "700", description = "bytes per record, about one interaction record (default ${DEFAULT-VALUE})")
    int bytes;

    @Option(names = "--batches", defaultValue = "1,8,64", split = ",", description = "batch sizes (default ${DEFAULT-VALUE})")
    int[] batches;

    @Option(names = "--dir", description = "scratch directory (default CP_DATA_DIR/spool-bench); put it on the spool's disk")
    Path dir;

    @Override
    public Integer call() throws Exception {
        Path d = dir != null ? dir : settings().app().dataDir().resolve("spool-bench");
        Files.createDirectories(d);
        SpoolBenchmark.run(d, records, bytes, batches, out());
        return 0;
    }
}
