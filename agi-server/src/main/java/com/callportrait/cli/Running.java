package com.callportrait.cli;

import com.callportrait.server.LogSetup;
import com.callportrait.server.RedisBackend;
import com.callportrait.server.Application;
import com.callportrait.server.Settings;
import com.callportrait.server.Telemetry;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;

/**
 * Runs a {@link Application} until the JVM is asked to stop (SIGTERM, Ctrl-C): the shutdown hook
 * stops accepting calls, lets live AGI sessions finish, flushes events, then closes Redis.
 */
final class Running {
    private Running() {
    }

    static int untilStopped(Settings settings, RedisBackend redis, Consumer<Application> banner)
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
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                stack.close();
                redis.close();
                telemetry.close();
            } finally {
                LogSetup.flush();
                stopped.countDown();
            }
        }, "shutdown"));
        banner.accept(stack);
        stopped.await();
        return 0;
    }
}
