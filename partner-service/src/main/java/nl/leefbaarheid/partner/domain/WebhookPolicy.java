package nl.leefbaarheid.partner.domain;

import java.time.Duration;

/** The retry rule of webhook deliveries (where a webhook may send to: {@link WebhookTargetPolicy}). */
public final class WebhookPolicy {

    private WebhookPolicy() {
    }

    /** The pause before attempt {@code attempts + 1}: doubling from the base, at most an hour. */
    public static Duration backoff(Duration base, int attempts) {
        long factor = 1L << Math.min(attempts - 1, 12);
        Duration pause = base.multipliedBy(Math.max(1, factor));
        return pause.compareTo(Duration.ofHours(1)) > 0 ? Duration.ofHours(1) : pause;
    }
}
