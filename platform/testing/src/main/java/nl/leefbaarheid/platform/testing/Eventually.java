package nl.leefbaarheid.platform.testing;

import java.time.Duration;

/** Waits for something that happens asynchronously (a consumer, a scheduled check) instead of sleeping a fixed time. */
public final class Eventually {

    private Eventually() {
    }

    /** Runs the check until it passes, or the timeout passes: then its last failure is thrown. */
    public static void holds(Duration timeout, Runnable check) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                check.run();
                return;
            } catch (AssertionError | RuntimeException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                try {
                    Thread.sleep(200);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }
}
