package nl.leefbaarheid.partner.domain;

import java.net.URI;
import java.time.Duration;
import java.util.Set;

/** The rules of webhook subscriptions and deliveries. */
public final class WebhookPolicy {

    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

    private WebhookPolicy() {
    }

    /** Why a URL cannot receive signals, or null: HTTPS, or plain HTTP only to the loopback (local runs). */
    public static String refuseUrl(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (Exception e) {
            return "is not a URL";
        }
        if (uri.getHost() == null || uri.getScheme() == null) {
            return "must be an absolute URL with a host";
        }
        if (uri.getUserInfo() != null) {
            return "must not contain credentials";
        }
        if ("https".equals(uri.getScheme())) {
            return null;
        }
        if ("http".equals(uri.getScheme()) && LOOPBACK.contains(uri.getHost())) {
            return null;
        }
        return "must use https (plain http only to localhost, for local runs)";
    }

    /** The pause before attempt {@code attempts + 1}: doubling from the base, at most an hour. */
    public static Duration backoff(Duration base, int attempts) {
        long factor = 1L << Math.min(attempts - 1, 12);
        Duration pause = base.multipliedBy(Math.max(1, factor));
        return pause.compareTo(Duration.ofHours(1)) > 0 ? Duration.ofHours(1) : pause;
    }
}
