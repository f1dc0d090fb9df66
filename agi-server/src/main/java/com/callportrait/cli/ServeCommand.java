package com.callportrait.cli;

import com.callportrait.server.AppOptions;
import com.callportrait.server.RedisBackend;
import com.callportrait.server.Settings;
import org.slf4j.LoggerFactory;
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
        Settings settings = production(settings());
        RedisBackend redis = RedisBackend.open(o, RedisBackend.Embedded.START);
        return Running.untilStopped(settings, redis, stack -> out().printf("CallPortrait serving: FastAGI %s:%d, HTTP %s:%d,"
                + " AudioSocket %s, Redis %s%n", o.bindAddress(), stack.agiAddress().getPort(), settings().http().bindAddress(),
                stack.httpAddress().getPort(), stack.speech().map(sp -> o.bindAddress() + ":"
                        + sp.audioSocketAddress().getPort()).orElse("off (CP_SPEECH=off)"), redis.description()).flush());
    }

    /**
     * The settings {@code serve} runs with: never generated customers (only {@code demo} trains on
     * them), whatever {@code CP_FRESH_GENERATE} says; a real caller is never scored by a model
     * fitted to made-up data.
     */
    static Settings production(Settings settings) {
        if (settings.fresh().generate() == 0) {
            return settings;
        }
        if (settings.fresh().generate() != com.callportrait.records.FreshOptions.DEFAULT_GENERATE) {
            LoggerFactory.getLogger(ServeCommand.class).warn("CP_FRESH_GENERATE={} ignored: serve never generates"
                    + " customers (it is for demo)", settings.fresh().generate());
        }
        return settings.withFresh(settings.fresh().withGenerate(0));
    }
}
