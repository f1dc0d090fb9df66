package com.callportrait.cli;

import com.callportrait.server.LogSetup;
import com.callportrait.server.RedisBackend;
import com.callportrait.server.Application;
import com.callportrait.server.Settings;
import com.callportrait.server.Telemetry;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs a {@link Application} until the JVM is asked to stop (SIGTERM, Ctrl-C): the shutdown hook
 * stops accepting calls, lets live AGI sessions finish, flushes events, then closes Redis.
 */
final class Running {
    private Running() {
    }

    static int untilStopped(Settings settings, RedisBackend redis, Consumer<Application> banner)
            throws InterruptedException {
        return untilStoppedFeeding(settings, redis, app -> {
            banner.accept(app);
            return () -> { };
        });
    }

    /**
     * As above, where {@code started} starts what feeds the application (the demo's simulated calls)
     * and returns how to stop it: on shutdown that stops first, before the application stops taking calls.
     */
    static int untilStoppedFeeding(Settings settings, RedisBackend redis, Function<Application, Runnable> started)
            throws InterruptedException {
        Telemetry telemetry = new Telemetry();
        Application stack;
        try {
            stack = Application.start(settings, redis, telemetry);
        } catch (InterruptedException | RuntimeException e) {
            redis.close();
            telemetry.close();
            throw e;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        AtomicReference<Runnable> feeder = new AtomicReference<>(() -> { });
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                feeder.get().run();
                stack.close();
                redis.close();
                telemetry.close();
            } finally {
                LogSetup.flush();
                stopped.countDown();
            }
        }, "shutdown"));
        feeder.set(started.apply(stack));
        stopped.await();
        return 0;
    }
}
