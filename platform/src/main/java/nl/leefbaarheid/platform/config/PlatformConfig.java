package nl.leefbaarheid.platform.config;

import io.quarkus.runtime.annotations.StaticInitSafe;
import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * The platform library's settings ({@code leefbaarheid.*}, since Quarkus keeps {@code platform.*} for itself); each service
 * sets its own values in its application.properties. Safe at static initialisation, where Quarkus REST creates the
 * pre-matching filter that reads the body limit (in JVM mode that is the same start-up, with the same environment).
 */
@StaticInitSafe
@ConfigMapping(prefix = "leefbaarheid")
public interface PlatformConfig {

    /** Request bodies that declare a larger length are refused with 413 problem details before they are read. */
    MemorySize maxBodySize();

    Outbox outbox();

    interface Outbox {

        /**
         * Whether this service writes and relays events through the outbox (a build-time switch: without it the outbox
         * beans are left out, and the service needs no {@code outbox_event} table).
         */
        @WithDefault("true")
        boolean enabled();

        /** Events the relay publishes in one transaction. */
        @WithDefault("1000")
        int batchSize();

        /** How often the relay looks for events no commit announced (as a Quarkus scheduler interval). */
        @WithDefault("1s")
        String interval();

        /** Refusals for good (not a broker away) after which an event is set aside for an admin to retry. */
        @WithDefault("5")
        int maxAttempts();

        /** Published events are deleted once they are older than this. */
        @WithDefault("7d")
        Duration keepPublished();
    }

    Events events();

    interface Events {

        /**
         * Processed event ids are deleted once they are older than this. Keep them at least as long as the consumed topics
         * keep their records (Kafka's default retention is 7 days), so that a replay of a topic stays idempotent.
         */
        @WithDefault("30d")
        Duration keepProcessed();

        /** How long a consumer retries its work while the database is away, before its records count as failed. */
        @WithDefault("30m")
        Duration retryFor();
    }

    Idempotency idempotency();

    interface Idempotency {

        /** Answers remembered for an {@code Idempotency-Key} are deleted once they are older than this. */
        @WithDefault("24h")
        Duration keep();
    }

    Retention retention();

    interface Retention {

        /** How often the windows above are applied (as a Quarkus scheduler interval). */
        @WithDefault("10m")
        String interval();
    }

    DeadLetters deadLetters();

    interface DeadLetters {

        /**
         * Whether this service consumes events and keeps an archive of its dead letters with an admin API (a build-time
         * switch, for the services with consumers and a {@code dead_letter} table).
         */
        @WithDefault("false")
        boolean enabled();
    }
}
