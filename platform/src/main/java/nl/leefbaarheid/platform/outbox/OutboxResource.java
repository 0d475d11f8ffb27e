package nl.leefbaarheid.platform.outbox;

import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import nl.leefbaarheid.platform.paging.Page;
import nl.leefbaarheid.platform.paging.PageRequest;
import nl.leefbaarheid.platform.problem.ProblemException;
import nl.leefbaarheid.platform.security.Roles;
import nl.leefbaarheid.platform.sql.SqlRows;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The events of this service's outbox that Kafka refused for good and the relay set aside ({@link OutboxRelay}), for an
 * admin: why each was refused, and a retry once the cause is fixed (it goes out behind the later events of its key).
 */
@Path("/api/v1/outbox/set-aside")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@Tag(name = "Outbox", description = "Events Kafka refused for good, and their retry (admin).")
@IfBuildProperty(name = "leefbaarheid.outbox.enabled", stringValue = "true", enableIfMissing = true)
public class OutboxResource {

    static final String COLUMNS = "event_id, topic, event_key, event_type, occurred_at, attempts, last_error";

    @Inject
    EntityManager em;

    @Inject
    OutboxRelay relay;

    @Schema(name = "SetAsideEvent", description = "An event the relay set aside after Kafka refused it for good.")
    public record SetAsideEvent(
            @Schema(description = "CloudEvents id.") UUID eventId,
            @Schema(example = "evaluation.measurements.v1") String topic,
            @Schema(example = "BU09990101") String key,
            @Schema(example = "nl.leefbaarheid.measurement.recorded.v1") String type,
            OffsetDateTime occurredAt,
            @Schema(example = "5") int attempts,
            @Schema(example = "org.apache.kafka.common.errors.RecordTooLargeException: The message is 1048677 bytes") String lastError) {
    }

    @GET
    @Operation(operationId = "listSetAsideEvents", summary = "List the events set aside, oldest first",
            description = "Each with its topic, key, type, how often Kafka refused it and its last error.")
    public Page<SetAsideEvent> list(@Valid @BeanParam PageRequest paging) {
        return QuarkusTransaction.requiringNew().call(() -> {
            long total = SqlRows.query(em, "select count(*) from outbox_event where status = 'SET_ASIDE'", List.of(),
                    row -> row.getLong(1)).get(0);
            List<SetAsideEvent> items = SqlRows.query(em, "select " + COLUMNS + " from outbox_event where status = 'SET_ASIDE'"
                    + " order by id limit ? offset ?", List.of(paging.size, (long) paging.page * paging.size), OutboxResource::view);
            return Page.of(items, total, paging);
        });
    }

    @POST
    @Path("/{eventId}/retry")
    @Operation(operationId = "retrySetAsideEvent", summary = "Publish a set-aside event again",
            description = "The event waits again with a fresh count of attempts, and goes out at the relay's next run.")
    public SetAsideEvent retry(@Parameter(description = "CloudEvents id of the event.") @PathParam("eventId") UUID eventId) {
        SetAsideEvent event = QuarkusTransaction.requiringNew().call(() -> {
            List<SetAsideEvent> found = SqlRows.query(em, "update outbox_event set status = 'PENDING', attempts = 0"
                    + " where event_id = ? and status = 'SET_ASIDE' returning " + COLUMNS, List.of(eventId), OutboxResource::view);
            if (found.isEmpty()) {
                throw ProblemException.notFound("set-aside event", eventId);
            }
            return found.get(0);
        });
        relay.wake();
        return event;
    }

    private static SetAsideEvent view(ResultSet row) throws SQLException {
        return new SetAsideEvent(row.getObject(1, UUID.class), row.getString(2), row.getString(3), row.getString(4),
                row.getObject(5, OffsetDateTime.class), row.getInt(6), row.getString(7));
    }
}
