package nl.leefbaarheid.evaluation.listener;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import nl.leefbaarheid.evaluation.event.DeploymentRequested;
import nl.leefbaarheid.evaluation.service.DeploymentService;
import nl.leefbaarheid.platform.config.PlatformConfig;
import nl.leefbaarheid.platform.events.IncomingEvent.UnreadableEventException;
import nl.leefbaarheid.platform.events.IncomingEvent;
import nl.leefbaarheid.platform.events.Retry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Plans the deployments workshop actions ask for, from {@code partner.workshop-actions.v1}. Unreadable requests go to the
 * dead-letter topic; while the database is away the same request is retried, never skipped.
 */
@ApplicationScoped
public class WorkshopActionListener {

    @Inject
    PlatformConfig settings;

    @Inject
    ObjectMapper json;

    @Inject
    DeploymentService deployments;

    @Incoming("workshop-actions")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.of(record);
        if (!DeploymentRequested.TYPE.equals(event.type())) {
            throw new UnreadableEventException("unknown event type " + event.type() + "; this consumer reads " + DeploymentRequested.TYPE);
        }
        DeploymentRequested request;
        try {
            request = json.readValue(event.data(), DeploymentRequested.class);
        } catch (JsonProcessingException e) {
            throw new UnreadableEventException("event " + event.id() + " has unreadable data: " + e.getOriginalMessage(), e);
        }
        if (request.deploymentId() == null) {
            throw new UnreadableEventException("event " + event.id() + " names no deploymentId");
        }
        Retry.whileTransient(() -> {
            deployments.fromWorkshopAction(request);
            return null;
        }, settings.events().retryFor());
    }
}
