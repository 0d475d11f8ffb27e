package nl.leefbaarheid.evaluation.listener;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import nl.leefbaarheid.evaluation.event.InterventionSnapshot;
import nl.leefbaarheid.evaluation.service.CatalogReadModel;
import nl.leefbaarheid.platform.config.PlatformConfig;
import nl.leefbaarheid.platform.events.IncomingEvent.UnreadableEventException;
import nl.leefbaarheid.platform.events.IncomingEvent;
import nl.leefbaarheid.platform.events.Retry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Keeps the catalogue read model from {@code catalog.interventions.v1}. Unreadable snapshots go to the dead-letter
 * topic; while the database is away the same snapshot is retried, never skipped.
 */
@ApplicationScoped
public class InterventionListener {

    @Inject
    PlatformConfig settings;

    @Inject
    ObjectMapper json;

    @Inject
    CatalogReadModel catalog;

    @Incoming("interventions")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.of(record);
        if (!InterventionSnapshot.TYPES.contains(event.type())) {
            throw new UnreadableEventException("unknown event type " + event.type());
        }
        InterventionSnapshot snapshot;
        try {
            snapshot = json.readValue(event.data(), InterventionSnapshot.class);
        } catch (JsonProcessingException e) {
            throw new UnreadableEventException("event " + event.id() + " has unreadable data: " + e.getOriginalMessage(), e);
        }
        Retry.whileTransient(() -> {
            catalog.store(event.id(), event.type(), snapshot, event.data());
            return null;
        }, settings.events().retryFor());
    }
}
