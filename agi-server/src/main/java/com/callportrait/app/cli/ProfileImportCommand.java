package com.callportrait.app.cli;

import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code profile import FILE}: loads customers from CSV. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Loads customers from a CSV file; prints loaded/rejected counts and each rejected line.")
public final class ProfileImportCommand extends AppCommand {
    @Parameters(index = "0", paramLabel = "FILE", description = "CSV with header customer_id,phone,name,tier,language[,...]")
    Path file;

    @Override
    public Integer call() {
        err().println("profile import: waits for the profiler's CSV importer");
        return 1;
    }
}
