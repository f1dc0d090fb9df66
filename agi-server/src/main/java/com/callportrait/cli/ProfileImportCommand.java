package com.callportrait.cli;

import com.callportrait.server.RedisBackend;
import com.callportrait.profile.imports.CustomerCsvImporter;
import com.callportrait.profile.imports.ImportReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code profile import FILE}: loads customers from CSV. One instance per command-line run, used on
 * the main thread; not thread-safe.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Loads customers from a CSV file (header customer_id,phone,name,tier,language[,lifetime_value,"
                + "open_complaints,last_topic]); prints loaded/rejected counts and each rejected line with its reason."
                + " Exit status 0 when every row loaded, 3 when some were rejected, 1 on error.")
public final class ProfileImportCommand extends AppCommand {
    /** Exit status when some rows were rejected (the good ones are loaded). */
    public static final int EXIT_ROWS_REJECTED = 3;

    @Parameters(index = "0", paramLabel = "FILE", description = "the CSV file (UTF-8)")
    Path file;

    @Override
    public Integer call() {
        if (!Files.isReadable(file)) {
            err().println("profile import: cannot read " + file);
            return 1;
        }
        try (RedisBackend redis = RedisBackend.open(options(), RedisBackend.Embedded.REUSE_OR_START)) {
            ImportReport report = CustomerCsvImporter.create(options().phones(), Clock.systemUTC())
                    .importFile(file, redis.store());
            report.lines().forEach(out()::println);
            out().flush();
            return report.rejected().isEmpty() ? 0 : EXIT_ROWS_REJECTED;
        }
    }
}
