package com.callportrait.app.cli;

import picocli.CommandLine.Command;

/** {@code demo}: everything on embedded defaults. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "The server on embedded defaults: embedded Redis, seeded demo customers, all servers.")
public final class DemoCommand extends AppCommand {
    @Override
    public Integer call() {
        err().println("demo: settings OK (" + options() + "); the servers arrive in the next commit");
        return 1;
    }
}
