package com.callportrait.cli;

import com.callportrait.server.AppOptions;
import com.callportrait.server.RedisBackend;
import picocli.CommandLine.Command;

/**
 * {@code serve}: the production server. One instance per command-line run, used on the main thread,
 * which it blocks until the JVM is asked to stop; not thread-safe.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "The production server: FastAGI, HTTP and the event writer. Redis from CP_REDIS_URI,"
                + " an embedded Redis under CP_DATA_DIR when unset. Stops gracefully on SIGTERM.")
public final class ServeCommand extends AppCommand {
    @Override
    public Integer call() throws InterruptedException {
        AppOptions o = options();
        RedisBackend redis = RedisBackend.open(o, RedisBackend.Embedded.START);
        return Running.untilStopped(settings(), redis, stack -> out().printf("CallPortrait serving: FastAGI %s:%d, HTTP %s:%d,"
                + " AudioSocket %s, Redis %s%n", o.bindAddress(), stack.agiAddress().getPort(), settings().http().bindAddress(),
                stack.httpAddress().getPort(), stack.speech().map(sp -> o.bindAddress() + ":"
                        + sp.audioSocketAddress().getPort()).orElse("off (CP_SPEECH=off)"), redis.description()).flush());
    }
}
