package com.callportrait.testkit;

import java.util.function.BooleanSupplier;

/** Polls a condition until it holds or a deadline passes (then fails the test with a message). */
public final class Await {
    private Await() {
    }

    public static void until(int seconds, BooleanSupplier condition) {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + seconds + " s");
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted");
            }
        }
    }
}
