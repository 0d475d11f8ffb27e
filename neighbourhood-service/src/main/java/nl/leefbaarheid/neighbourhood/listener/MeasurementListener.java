package nl.leefbaarheid.neighbourhood.listener;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import nl.leefbaarheid.neighbourhood.event.MeasurementRecorded;
import nl.leefbaarheid.neighbourhood.platform.events.IncomingEvent;
import nl.leefbaarheid.neighbourhood.platform.events.IncomingEvent.UnreadableEventException;
import nl.leefbaarheid.neighbourhood.platform.events.Retry;
import nl.leefbaarheid.neighbourhood.service.MeasurementService;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Consumes {@code evaluation.measurements.v1}. The offset is committed only after the observation and the
 * recalculated status are stored; an unreadable message goes to the dead-letter topic and the consumer
 * goes on; while the database is away the same message is retried, never skipped.
 */
@ApplicationScoped
public class MeasurementListener {

    private static final Logger LOG = Logger.getLogger(MeasurementListener.class);

    @Inject
    ObjectMapper json;

    @Inject
    MeasurementService measurements;

    @Incoming("measurements")
    @Blocking // ordered: one message at a time per channel, so order per area holds
    public void consume(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.of(record);
        if (!MeasurementRecorded.TYPE.equals(event.type())) {
            throw new UnreadableEventException("unknown event type " + event.type() + "; this consumer reads " + MeasurementRecorded.TYPE);
        }
        MeasurementRecorded measurement;
        try {
            measurement = json.readValue(event.data(), MeasurementRecorded.class);
        } catch (JsonProcessingException e) {
            throw new UnreadableEventException("event " + event.id() + " has unreadable data: " + e.getOriginalMessage(), e);
        }
        boolean first = Retry.whileTransient(() -> measurements.record(event.id(), measurement), Duration.ofMinutes(10));
        if (!first) {
            LOG.debugf("event %s was processed before; nothing changes", event.id());
        }
    }
}
