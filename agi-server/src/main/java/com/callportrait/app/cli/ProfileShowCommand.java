package com.callportrait.app.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code profile show PHONE}: prints one portrait. */
@Command(name = "show", mixinStandardHelpOptions = true, description = "Prints the portrait of the customer owning PHONE.")
public final class ProfileShowCommand extends AppCommand {
    @Parameters(index = "0", paramLabel = "PHONE", description = "any form of the number, e.g. 5551234 or +1 555 123 4567")
    String phone;

    @Option(names = "--json", description = "print JSON instead of text")
    boolean json;

    @Override
    public Integer call() {
        err().println("profile show: waits for the profiler's Redis store");
        return 1;
    }
}
