package nl.leefbaarheid.partner.listener;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import nl.leefbaarheid.partner.platform.events.IncomingEvent;
import nl.leefbaarheid.partner.platform.events.IncomingEvent.UnreadableEventException;
import nl.leefbaarheid.partner.platform.events.Retry;
import nl.leefbaarheid.partner.service.SignalService;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes status changes and evaluation results. Offsets are committed after the signals are stored; webhook
 * deliveries happen elsewhere, so a slow receiver never holds the consumer up. Unreadable events go to the
 * dead-letter topic.
 */
@ApplicationScoped
public class SignalListener {

    static final String STATUS_TYPE = "nl.leefbaarheid.area-status.changed.v1";
    static final String RESULTS_TYPE = "nl.leefbaarheid.evaluation.completed.v1";

    @Inject
    SignalService signals;

    @Incoming("statuses")
    @Blocking
    public void status(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.of(record);
        if (!STATUS_TYPE.equals(event.type())) {
            throw new UnreadableEventException("unknown event type " + event.type() + "; this consumer reads " + STATUS_TYPE);
        }
        Retry.whileTransient(() -> signals.fromStatusChange(event.id(), event.data()), Duration.ofMinutes(10));
    }

    @Incoming("results")
    @Blocking
    public void result(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.of(record);
        if (!RESULTS_TYPE.equals(event.type())) {
            throw new UnreadableEventException("unknown event type " + event.type() + "; this consumer reads " + RESULTS_TYPE);
        }
        Retry.whileTransient(() -> signals.fromEvaluation(event.id(), event.data()), Duration.ofMinutes(10));
    }
}
