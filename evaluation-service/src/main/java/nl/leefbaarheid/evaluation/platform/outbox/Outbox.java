package nl.leefbaarheid.evaluation.platform.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Writes integration events into the outbox, inside the caller's transaction: the event exists if and
 * only if the change it describes was committed. {@link OutboxRelay} publishes it.
 */
@ApplicationScoped
public class Outbox {

    @Inject
    ObjectMapper json;

    /**
     * @param topic   the Kafka topic, e.g. {@code catalog.interventions.v1}
     * @param key     the record key that keeps related events in order (area code, intervention id, ...)
     * @param type    the CloudEvents type, e.g. {@code nl.leefbaarheid.intervention.published.v1}
     * @param subject the CloudEvents subject (what the event is about), may equal the key
     * @param data    the event body, serialised as JSON
     * @return the event id (CloudEvents {@code id})
     */
    @Transactional(TxType.MANDATORY)
    public UUID add(String topic, String key, String type, String subject, Object data) {
        OutboxEvent event = new OutboxEvent();
        event.eventId = UUID.randomUUID();
        event.topic = topic;
        event.eventKey = key;
        event.eventType = type;
        event.subject = subject;
        event.occurredAt = Instant.now();
        event.traceParent = currentTraceParent();
        try {
            event.payload = json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event data cannot be written as JSON: " + data.getClass(), e);
        }
        event.persist();
        return event.eventId;
    }

    /** The {@code traceparent} of the current span (W3C Trace Context), or null outside a trace. */
    private static String currentTraceParent() {
        Map<String, String> carrier = new HashMap<>();
        W3CTraceContextPropagator.getInstance().inject(Context.current(), carrier, Map::put);
        return carrier.get("traceparent");
    }
}
