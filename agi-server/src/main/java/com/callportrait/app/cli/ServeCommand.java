package com.callportrait.app.cli;

import picocli.CommandLine.Command;

/** {@code serve}: the production server. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "The production server: FastAGI, HTTP and the event writer. Redis from CP_REDIS_URI,"
                + " an embedded Redis under CP_DATA_DIR when unset.")
public final class ServeCommand extends AppCommand {
    @Override
    public Integer call() {
        err().println("serve: settings OK (" + options() + "); the servers arrive in the next commit");
        return 1;
    }
}
