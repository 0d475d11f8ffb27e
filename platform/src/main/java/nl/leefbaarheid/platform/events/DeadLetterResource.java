package nl.leefbaarheid.platform.events;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import nl.leefbaarheid.platform.kafka.KafkaClients;
import nl.leefbaarheid.platform.paging.Page;
import nl.leefbaarheid.platform.paging.PageRequest;
import nl.leefbaarheid.platform.problem.ProblemException;
import nl.leefbaarheid.platform.security.Roles;
import nl.leefbaarheid.platform.sql.SqlRows;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

/**
 * The dead letters of this service, for an admin: what its consumers refused and why, and a replay once the cause is
 * fixed (say the missing area was registered). A replay sends the record as it was (key, value and CloudEvents headers)
 * to the topic it came from, where the consumer reads it again; the consumer knows the event by its id, so a replay of
 * an event that has been processed in the meantime changes nothing, and a replay refused again lands here anew.
 */
@Path("/api/v1/dead-letters")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@Tag(name = "Dead letters", description = "Records this service's consumers refused, and their replay (admin).")
@IfBuildProperty(name = "leefbaarheid.dead-letters.enabled", stringValue = "true")
public class DeadLetterResource {

    private static final Logger LOG = Logger.getLogger(DeadLetterResource.class);
    static final String COLUMNS = "id, topic, source_partition, source_offset, record_key, event_id, event_type, reason, payload,"
            + " headers::text, dead_at, replays, replayed_at";

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @Inject
    KafkaClients kafka;

    private KafkaProducer<String, String> producer;

    @Schema(name = "DeadLetter", description = "A record a consumer of this service refused.")
    public record DeadLetterView(
            @Schema(example = "12") long id,
            @Schema(description = "The topic it was read from.", example = "evaluation.measurements.v1") String topic,
            @Schema(example = "0") Integer partition,
            @Schema(example = "4711") Long offset,
            @Schema(example = "BU09980101") String key,
            @Schema(description = "CloudEvents id.", example = "0b9f5c2e-6c1a-4c5e-9a57-2f0c3d1e8a11") String eventId,
            @Schema(description = "CloudEvents type.", example = "nl.leefbaarheid.measurement.recorded.v1") String eventType,
            @Schema(example = "measurement 0b9f5c2e-... is invalid: areaCode BU09980101 is not a known area") String reason,
            @Schema(description = "The record's value as it was.") String payload,
            @Schema(description = "The record's own headers (CloudEvents attributes, traceparent).") Map<String, String> headers,
            @Schema(description = "When it landed on the dead-letter topic.") OffsetDateTime deadAt,
            @Schema(description = "How often an admin replayed it.", example = "0") int replays,
            @Schema(description = "The last replay, if any.") OffsetDateTime replayedAt) {
    }

    @Schema(name = "DeadLetterReplay", description = "What a replay of all waiting dead letters sent.")
    public record ReplayResult(@Schema(description = "Dead letters sent back to their topics.", example = "3") int replayed) {
    }

    @GET
    @Operation(operationId = "listDeadLetters", summary = "List dead letters, newest first",
            description = "What this service's consumers refused, with the reason, where it was read and the record as it was.")
    public Page<DeadLetterView> list(
            @Parameter(description = "Only those read from this topic.", example = "evaluation.measurements.v1") @QueryParam("topic") @Size(max = 200) String topic,
            @Parameter(description = "Only those with this record key (an area code, say).", example = "BU09980101") @QueryParam("key") @Size(max = 200) String key,
            @Parameter(description = "true: only those not replayed yet; false: only replayed ones.", schema = @Schema(type = SchemaType.BOOLEAN))
            @QueryParam("waiting") @Pattern(regexp = "true|false", message = "must be true or false") String waiting,
            @Valid @BeanParam PageRequest paging) {
        Boolean notReplayed = waiting == null ? null : Boolean.valueOf(waiting);
        String where = " where (cast(? as varchar) is null or topic = ?) and (cast(? as varchar) is null or record_key = ?)"
                + " and (cast(? as boolean) is null or (replayed_at is null) = ?)";
        List<Object> parameters = new ArrayList<>(Arrays.asList(topic, topic, key, key, notReplayed, notReplayed));
        return QuarkusTransaction.requiringNew().call(() -> {
            long total = SqlRows.query(em, "select count(*) from dead_letter" + where, parameters, row -> row.getLong(1)).get(0);
            List<Object> paged = new ArrayList<>(parameters);
            paged.add(paging.size);
            paged.add((long) paging.page * paging.size);
            List<DeadLetterView> items = SqlRows.query(em, "select " + COLUMNS + " from dead_letter" + where
                    + " order by id desc limit ? offset ?", paged, this::view);
            return Page.of(items, total, paging);
        });
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getDeadLetter", summary = "Read one dead letter",
            description = "The reason, the topic, partition and offset it was read from, its key, time, payload and headers.")
    public DeadLetterView get(@Parameter(example = "12") @PathParam("id") long id) {
        return QuarkusTransaction.requiringNew().call(() -> find(id));
    }

    @POST
    @Path("/{id}/replay")
    @Operation(operationId = "replayDeadLetter", summary = "Send one dead letter back to its topic",
            description = "The consumer reads it again; an event it has processed since is not processed twice.")
    public DeadLetterView replay(@Parameter(example = "12") @PathParam("id") long id) {
        DeadLetterView letter = QuarkusTransaction.requiringNew().call(() -> find(id));
        send(letter);
        return QuarkusTransaction.requiringNew().call(() -> {
            markReplayed(List.of(id));
            return find(id);
        });
    }

    @POST
    @Path("/replay")
    @Operation(operationId = "replayDeadLetters", summary = "Send every waiting dead letter back to its topic",
            description = "In the order they arrived; optionally only those of one topic, or of one record key.")
    public ReplayResult replayAll(
            @Parameter(description = "Only those read from this topic.", example = "evaluation.measurements.v1") @QueryParam("topic") @Size(max = 200) String topic,
            @Parameter(description = "Only those with this record key.", example = "BU09980101") @QueryParam("key") @Size(max = 200) String key) {
        List<DeadLetterView> waiting = QuarkusTransaction.requiringNew().call(() -> SqlRows.query(em, "select " + COLUMNS
                + " from dead_letter where replayed_at is null and (cast(? as varchar) is null or topic = ?)"
                + " and (cast(? as varchar) is null or record_key = ?) order by id", Arrays.asList(topic, topic, key, key), this::view));
        for (DeadLetterView letter : waiting) {
            send(letter);
            QuarkusTransaction.requiringNew().run(() -> markReplayed(List.of(letter.id())));
        }
        return new ReplayResult(waiting.size());
    }

    private DeadLetterView find(long id) {
        List<DeadLetterView> found = SqlRows.query(em, "select " + COLUMNS + " from dead_letter where id = ?", List.of(id), this::view);
        if (found.isEmpty()) {
            throw ProblemException.notFound("dead letter", id);
        }
        return found.get(0);
    }

    private void markReplayed(List<Long> ids) {
        SqlRows.update(em, "update dead_letter set replays = replays + 1, replayed_at = now() where id = any(?)",
                List.of((Object) ids.toArray(Long[]::new)));
    }

    private synchronized void send(DeadLetterView letter) {
        ProducerRecord<String, String> record = new ProducerRecord<>(letter.topic(), null, letter.key(), letter.payload());
        letter.headers().forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        record.headers().add("dead-letter-replay-of", Long.toString(letter.id()).getBytes(StandardCharsets.UTF_8));
        try {
            if (producer == null) {
                producer = kafka.producer("replay", Map.of(ProducerConfig.ACKS_CONFIG, "all",
                        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000,
                        ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000, ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000));
            }
            producer.send(record).get(15, TimeUnit.SECONDS);
            LOG.infof("Dead letter %d (%s) replayed to %s", letter.id(), letter.eventId(), letter.topic());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable(letter);
        } catch (Exception e) {
            if (producer != null) {
                producer.close(Duration.ZERO);
                producer = null;
            }
            LOG.warnf("Dead letter %d not replayed: %s", letter.id(), e.getMessage());
            throw unavailable(letter);
        }
    }

    private static ProblemException unavailable(DeadLetterView letter) {
        return new ProblemException(503, "service-unavailable", "Service unavailable", "Dead letter " + letter.id()
                + " could not be sent to " + letter.topic() + ": the broker did not acknowledge it. Nothing was marked replayed;"
                + " retry later.", List.of());
    }

    private DeadLetterView view(ResultSet row) throws SQLException {
        Map<String, String> headers;
        try {
            headers = json.readValue(row.getString(10), new TypeReference<Map<String, String>>() { });
        } catch (Exception e) {
            headers = Map.of();
        }
        return new DeadLetterView(row.getLong(1), row.getString(2), (Integer) row.getObject(3), (Long) row.getObject(4),
                row.getString(5), row.getString(6), row.getString(7), row.getString(8), row.getString(9), headers,
                row.getObject(11, OffsetDateTime.class), row.getInt(12), row.getObject(13, OffsetDateTime.class));
    }
}
