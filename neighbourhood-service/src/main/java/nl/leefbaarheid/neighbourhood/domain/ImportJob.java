package nl.leefbaarheid.neighbourhood.domain;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * The rules of import jobs: when an import is answered later instead of at once, and when a job whose service stopped
 * counts as failed.
 */
public final class ImportJob {

    private ImportJob() {
    }

    /** What a job imports. */
    public enum Kind {
        @JsonProperty("leefbaarometer")
        LEEFBAAROMETER,
        @JsonProperty("area-registry")
        AREA_REGISTRY,
        @JsonProperty("area-boundaries")
        AREA_BOUNDARIES;

        public String code() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        public static Kind ofCode(String code) {
            return valueOf(code.toUpperCase(Locale.ROOT).replace('-', '_'));
        }
    }

    /** queued, running, then done or failed; a failed import stored nothing. */
    public enum State {
        @JsonProperty("queued")
        QUEUED,
        @JsonProperty("running")
        RUNNING,
        @JsonProperty("done")
        DONE,
        @JsonProperty("failed")
        FAILED;

        public boolean active() {
            return this == QUEUED || this == RUNNING;
        }

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static State ofCode(String code) {
            return valueOf(code.toUpperCase(Locale.ROOT));
        }
    }

    /**
     * Whether an import is answered as a job (202 and the job to follow) rather than at once: when the caller asks for it
     * ({@code Prefer: respond-async}, RFC 7240), and for every body above the threshold, whatever the caller prefers, so
     * that no request holds a connection, a thread and a transaction for the length of a national file.
     */
    public static boolean asJob(String prefer, long bytes, long threshold) {
        return bytes > threshold || respondAsync(prefer);
    }

    /** Whether a {@code Prefer} header holds the preference {@code respond-async} (names are case-insensitive). */
    public static boolean respondAsync(String prefer) {
        if (prefer == null) {
            return false;
        }
        for (String preference : prefer.split(",")) {
            String name = preference.split(";")[0].split("=")[0].strip();
            if (name.equalsIgnoreCase("respond-async")) {
                return true;
            }
        }
        return false;
    }

    /**
     * The state of a job as stored, or failed where it is queued or running but its service has not said so for longer
     * than {@code staleAfter}: the service stopped (or lost its database) while it had the job, and its transaction, with
     * all it had stored, was rolled back. The service that runs a job says so every few seconds (its heartbeat).
     */
    public static State effective(State stored, Instant heartbeat, Instant now, Duration staleAfter) {
        return stored.active() && heartbeat.plus(staleAfter).isBefore(now) ? State.FAILED : stored;
    }
}
