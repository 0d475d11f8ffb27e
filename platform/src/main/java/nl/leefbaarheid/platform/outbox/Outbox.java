package nl.leefbaarheid.platform.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.sql.PreparedStatement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.Session;

/**
 * Writes integration events into the outbox, inside the caller's transaction: the event exists if and
 * only if the change it describes was committed. Many events go in with one statement. Once the transaction
 * has committed, {@link OutboxRelay} is woken to publish them.
 */
@ApplicationScoped
@IfBuildProperty(name = "leefbaarheid.outbox.enabled", stringValue = "true", enableIfMissing = true)
public class Outbox {

    static final String INSERT = """
            insert into outbox_event (event_id, topic, event_key, event_type, subject, payload, occurred_at, trace_parent)
            select e, t, k, ty, s, p, ?::timestamptz, tp
              from unnest(?::uuid[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::text[], ?::varchar[])
                   with ordinality as x(e, t, k, ty, s, p, tp, n)
             order by n
            """;

    @Inject
    ObjectMapper json;

    @Inject
    EntityManager em;

    @Inject
    OutboxRelay relay;

    /**
     * An event to write.
     *
     * @param topic   the Kafka topic, e.g. {@code catalog.interventions.v1}
     * @param key     the record key that keeps related events in order (area code, intervention id, ...)
     * @param type    the CloudEvents type, e.g. {@code nl.leefbaarheid.intervention.published.v1}
     * @param subject the CloudEvents subject (what the event is about), may equal the key
     * @param data    the event body, serialised as JSON
     * @param traceParent the W3C {@code traceparent} of the work that caused it; null: the current span's
     */
    public record Event(String topic, String key, String type, String subject, Object data, String traceParent) {

        public Event(String topic, String key, String type, String subject, Object data) {
            this(topic, key, type, subject, data, null);
        }
    }

    /** Writes one event; returns its id (CloudEvents {@code id}). */
    @Transactional(TxType.MANDATORY)
    public UUID add(String topic, String key, String type, String subject, Object data) {
        return addAll(List.of(new Event(topic, key, type, subject, data))).get(0);
    }

    /** Writes the events in this order, with one statement; returns their ids. */
    @Transactional(TxType.MANDATORY)
    public List<UUID> addAll(List<Event> events) {
        int n = events.size();
        List<UUID> ids = new ArrayList<>(n);
        if (n == 0) {
            return ids;
        }
        UUID[] eventIds = new UUID[n];
        String[][] columns = new String[6][n]; // topic, key, type, subject, payload, traceparent
        String currentTraceParent = currentTraceParent();
        for (int i = 0; i < n; i++) {
            Event event = events.get(i);
            eventIds[i] = UUID.randomUUID();
            ids.add(eventIds[i]);
            columns[0][i] = event.topic();
            columns[1][i] = event.key();
            columns[2][i] = event.type();
            columns[3][i] = event.subject();
            columns[4][i] = write(event.data());
            columns[5][i] = event.traceParent() != null ? event.traceParent() : currentTraceParent;
        }
        String[] types = { "varchar", "varchar", "varchar", "varchar", "text", "varchar" };
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                insert.setObject(1, now);
                insert.setArray(2, connection.createArrayOf("uuid", eventIds));
                for (int c = 0; c < columns.length; c++) {
                    insert.setArray(c + 3, connection.createArrayOf(types[c], columns[c]));
                }
                insert.executeUpdate();
            }
        });
        relay.wakeAfterCommit();
        return ids;
    }

    private String write(Object data) {
        try {
            return json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event data cannot be written as JSON: " + data.getClass(), e);
        }
    }

    /** The {@code traceparent} of the current span (W3C Trace Context), or null outside a trace. */
    private static String currentTraceParent() {
        Map<String, String> carrier = new HashMap<>();
        W3CTraceContextPropagator.getInstance().inject(Context.current(), carrier, Map::put);
        return carrier.get("traceparent");
    }
}
