package nl.leefbaarheid.partner.listener;

import com.fasterxml.jackson.databind.JsonNode;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import nl.leefbaarheid.partner.service.ActionService;
import nl.leefbaarheid.partner.service.ActionService.DeploymentEvents;
import nl.leefbaarheid.partner.service.SignalService.StatusChange;
import nl.leefbaarheid.partner.service.SignalService;
import nl.leefbaarheid.platform.config.PlatformConfig;
import nl.leefbaarheid.platform.events.DeadLetters.DeadLetter;
import nl.leefbaarheid.platform.events.DeadLetters;
import nl.leefbaarheid.platform.events.IncomingEvent.UnreadableEventException;
import nl.leefbaarheid.platform.events.IncomingEvent;
import nl.leefbaarheid.platform.events.ProcessingSpans;
import nl.leefbaarheid.platform.events.Retry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes status changes, and evaluation-service's results and deployments. Offsets are committed after the signals are stored; webhook
 * deliveries happen elsewhere, so a slow receiver never holds the consumer up. Unreadable events go to the
 * dead-letter topic.
 */
@ApplicationScoped
public class SignalListener {

    static final String STATUS_TYPE = "nl.leefbaarheid.area-status.changed.v1";
    static final String RESULTS_TYPE = DeploymentEvents.COMPLETED;
    static final Set<String> DEPLOYMENT_TYPES = Set.of(DeploymentEvents.PLANNED, DeploymentEvents.REFUSED, DeploymentEvents.COMPLETED);

    @Inject
    PlatformConfig settings;

    @Inject
    SignalService signals;

    @Inject
    ActionService actions;

    @Inject
    DeadLetters deadLetters;

    @Inject
    Tracer tracer;

    @ConfigProperty(name = "mp.messaging.incoming.statuses.dead-letter-queue.topic")
    String deadLetterTopic;

    /**
     * Status changes come in batches (what one poll returns): a few for every measurement, so their signals are made in
     * one transaction per batch. A record that cannot be read goes to the dead-letter topic and the rest goes on; while
     * the database is away the same batch is retried, never skipped.
     */
    @Incoming("statuses")
    @Blocking // one batch at a time
    public void statuses(ConsumerRecords<String, String> records) {
        List<DeadLetter> dead = new ArrayList<>();
        List<StatusChange> changes = new ArrayList<>();
        List<Span> spans = new ArrayList<>();
        try {
            for (ConsumerRecord<String, String> record : records) {
                spans.add(ProcessingSpans.start(tracer, record)); // in the trace it came with, lasting as long as its batch
                try {
                    IncomingEvent event = IncomingEvent.of(record);
                    if (!STATUS_TYPE.equals(event.type())) {
                        throw new UnreadableEventException("unknown event type " + event.type() + "; this consumer reads " + STATUS_TYPE);
                    }
                    changes.add(signals.statusChange(event.id(), event.data()));
                } catch (UnreadableEventException e) {
                    dead.add(new DeadLetter(record, e.getMessage()));
                }
            }
            if (!changes.isEmpty()) {
                Retry.whileTransient(() -> signals.fromStatusChanges(changes), settings.events().retryFor());
            }
            deadLetters.send(deadLetterTopic, dead);
        } finally {
            spans.forEach(Span::end);
        }
    }

    /**
     * evaluation-service's results: a completed evaluation becomes a signal; it, and a deployment planned or refused, also
     * reaches the workshop action the deployment came from.
     */
    @Incoming("results")
    @Blocking
    public void result(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.of(record);
        if (!DEPLOYMENT_TYPES.contains(event.type())) {
            throw new UnreadableEventException("unknown event type " + event.type() + "; this consumer reads " + DEPLOYMENT_TYPES);
        }
        if (RESULTS_TYPE.equals(event.type())) {
            Retry.whileTransient(() -> signals.fromEvaluation(event.id(), event.data()), settings.events().retryFor());
        }
        JsonNode data = signals.read(event.data());
        Retry.whileTransient(() -> actions.followDeployment(event.type(), data), settings.events().retryFor());
    }
}
