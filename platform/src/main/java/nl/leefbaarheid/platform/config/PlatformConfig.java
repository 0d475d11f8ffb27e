package nl.leefbaarheid.platform.config;

import io.quarkus.runtime.annotations.StaticInitSafe;
import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

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
    }
}
