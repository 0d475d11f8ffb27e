package nl.leefbaarheid.evaluation.listener;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import nl.leefbaarheid.evaluation.event.AreaRegistered;
import nl.leefbaarheid.evaluation.event.ComplexRegistered;
import nl.leefbaarheid.evaluation.event.IndicatorDefined;
import nl.leefbaarheid.evaluation.service.ReferenceData;
import nl.leefbaarheid.platform.events.IncomingEvent.UnreadableEventException;
import nl.leefbaarheid.platform.events.IncomingEvent;
import nl.leefbaarheid.platform.events.Retry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Keeps the reference data (areas, complexes, the kapstok) from {@code neighbourhood.areas.v1}. Unreadable events go to
 * the dead-letter topic; while the database is away the same event is retried, never skipped.
 */
@ApplicationScoped
public class AreaListener {

    @Inject
    ObjectMapper json;

    @Inject
    ReferenceData reference;

    @Incoming("areas")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.of(record);
        Runnable store = switch (event.type()) {
            case AreaRegistered.TYPE -> {
                AreaRegistered area = read(event, AreaRegistered.class);
                yield () -> reference.store(event.id(), area);
            }
            case ComplexRegistered.TYPE, ComplexRegistered.CHANGED_TYPE -> {
                ComplexRegistered complex = read(event, ComplexRegistered.class);
                yield () -> reference.store(event.id(), complex);
            }
            case IndicatorDefined.TYPE -> {
                IndicatorDefined indicator = read(event, IndicatorDefined.class);
                yield () -> reference.store(event.id(), indicator);
            }
            default -> throw new UnreadableEventException("unknown event type " + event.type());
        };
        Retry.whileTransient(() -> {
            store.run();
            return null;
        }, Duration.ofMinutes(10));
    }

    private <T> T read(IncomingEvent event, Class<T> type) {
        try {
            return json.readValue(event.data(), type);
        } catch (JsonProcessingException e) {
            throw new UnreadableEventException("event " + event.id() + " has unreadable data: " + e.getOriginalMessage(), e);
        }
    }
}
