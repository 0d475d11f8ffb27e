package nl.leefbaarheid.e2e;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Polls until the platform, which works asynchronously over Kafka, shows what a test waits for. */
final class Eventually {

    private Eventually() {
    }

    static <T> T await(String what, Supplier<T> probe, Predicate<T> done, Duration timeout) {
        long deadline = System.currentTimeMillis() + timeout.toMillis();
        T last = null;
        while (System.currentTimeMillis() < deadline) {
            try {
                last = probe.get();
                if (done.test(last)) {
                    return last;
                }
            } catch (RuntimeException | AssertionError e) {
                last = null; // e.g. a service still starting
            }
            WebhookReceiver.sleep(200);
        }
        throw new AssertionError("not within " + timeout + ": " + what + " (last seen: " + last + ")");
    }
}
