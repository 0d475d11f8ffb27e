package nl.leefbaarheid.partner.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional.TxType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import nl.leefbaarheid.partner.api.Codes;
import nl.leefbaarheid.partner.domain.Coverage;
import nl.leefbaarheid.partner.domain.SharingScope;
import nl.leefbaarheid.platform.events.IncomingEvent.UnreadableEventException;
import nl.leefbaarheid.platform.events.ProcessedEvents;

/**
 * Turns status changes and evaluation results into signals for every active collaboration that covers the
 * area, as its sharing scope allows, and queues a delivery for each subscribed webhook of its members. The
 * source event's id makes a redelivered event change nothing.
 */
@ApplicationScoped
public class SignalService {

    public static final String STATUS_CHANGED = "status-changed";
    public static final String EVALUATION_COMPLETED = "evaluation-completed";
    static final String STATUS_CONSUMER = "partner-service.status";
    static final String RESULTS_CONSUMER = "partner-service.results";

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @Inject
    ProcessedEvents processed;

    /** A status change as read from its event: the area it is about and the event's data. */
    public record StatusChange(String eventId, String areaCode, JsonNode event) {
    }

    /** Reads a status event; one that lacks a valid area code or status cannot be used. */
    public StatusChange statusChange(String eventId, String data) {
        JsonNode event = read(data);
        String area = event.path("areaCode").asText();
        if (!area.matches(Codes.AREA) || !event.path("status").isObject()) {
            throw new UnreadableEventException("status event " + eventId + " lacks a valid areaCode or status");
        }
        return new StatusChange(eventId, area, event);
    }

    /**
     * Makes the signals of a batch of status changes, in one transaction: each event once (however often the batch
     * or an earlier one held it), the covering collaborations of all their areas read with one query.
     *
     * @return the number of signals made
     */
    @Transactional(TxType.REQUIRED)
    public int fromStatusChanges(List<StatusChange> changes) {
        Set<String> first = new HashSet<>(processed.firstDeliveries(STATUS_CONSUMER, changes.stream().map(StatusChange::eventId).toList()));
        List<StatusChange> fresh = changes.stream().filter(c -> first.remove(c.eventId())).toList(); // a second copy finds it gone
        if (fresh.isEmpty()) {
            return 0;
        }
        Map<String, List<Object[]>> covering = covering(fresh.stream().map(StatusChange::areaCode).collect(Collectors.toSet()));
        int made = 0;
        for (StatusChange change : fresh) {
            for (Object[] c : covering.getOrDefault(change.areaCode(), List.of())) {
                SharingScope scope = new SharingScope((Boolean) c[1], (Boolean) c[2], (Boolean) c[3]);
                ObjectNode signal = scope.statusSignal(change.event(), (String) c[4], "/api/v1/areas/" + change.areaCode() + "/status");
                if (signal != null) {
                    made += record((UUID) c[0], STATUS_CHANGED, change.areaCode(), change.eventId(), signal);
                }
            }
        }
        return made;
    }

    @Transactional(TxType.REQUIRED)
    public int fromEvaluation(String eventId, String data) {
        if (!processed.firstDelivery(RESULTS_CONSUMER, eventId)) {
            return 0;
        }
        JsonNode event = read(data);
        String area = event.path("areaCode").asText();
        String corporation = event.path("corporationId").asText();
        if (!area.matches(Codes.AREA) || corporation.isEmpty() || !event.has("verdict")) {
            throw new UnreadableEventException("results event " + eventId + " lacks areaCode, corporationId or verdict");
        }
        int made = 0;
        for (Object[] c : covering(Set.of(area)).getOrDefault(area, List.of())) {
            boolean evaluations = (Boolean) c[3];
            if (evaluations && corporation.equals(c[4])) {
                ObjectNode signal = json.createObjectNode();
                signal.put("areaCode", area);
                signal.put("deploymentId", event.path("deploymentId").asText());
                signal.put("interventionId", event.path("interventionId").asText());
                signal.put("interventionTitle", event.path("interventionTitle").asText());
                signal.put("verdict", event.path("verdict").asText());
                signal.set("indicators", event.path("indicators"));
                signal.put("link", "/api/v1/deployments/" + event.path("deploymentId").asText() + "/effect");
                made += record((UUID) c[0], EVALUATION_COMPLETED, area, eventId, signal);
            }
        }
        return made;
    }

    /**
     * The active collaborations with an area that covers each of these (the area itself, its district or its
     * municipality), by area: id, the three scope flags and the corporation.
     */
    private Map<String, List<Object[]>> covering(Set<String> areas) {
        List<String> area = new ArrayList<>();
        List<String> code = new ArrayList<>();
        for (String a : areas) {
            for (String c : Coverage.coveringCodes(a)) {
                area.add(a);
                code.add(c);
            }
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select distinct x.area, c.id, c.share_complexes, c.share_surveys, c.share_evaluations, c.corporation_id
                  from unnest(cast(:areas as varchar[]), cast(:codes as varchar[])) as x(area, code)
                  join collaboration_area a on a.area_code = x.code
                  join collaboration c on c.id = a.collaboration_id
                 where c.start_date <= current_date and (c.end_date is null or c.end_date >= current_date)""")
                .setParameter("areas", area.toArray(String[]::new)).setParameter("codes", code.toArray(String[]::new)).getResultList();
        return rows.stream().collect(Collectors.groupingBy(r -> (String) r[0],
                Collectors.mapping(r -> Arrays.copyOfRange(r, 1, r.length), Collectors.toList())));
    }

    /**
     * Stores a signal for a collaboration, once per source (an event id, or a key such as {@code workshop-closed:<id>}),
     * and queues a delivery for each member's webhook that wants its type; inside the caller's transaction.
     *
     * @return 1 when stored, 0 when this source had made its signal already
     */
    public int record(UUID collaboration, String type, String area, String sourceId, ObjectNode payload) {
        payload.put("type", type);
        payload.put("collaborationId", collaboration.toString());
        if (area != null) {
            payload.put("areaCode", area);
        }
        payload.put("occurredAt", Instant.now().toString());
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("""
                insert into signal (collaboration_id, type, area_code, source_event_id, payload)
                values (:c, :t, :a, :e, cast(:p as jsonb)) on conflict do nothing returning id""")
                .setParameter("c", collaboration).setParameter("t", type).setParameter("a", area).setParameter("e", sourceId)
                .setParameter("p", payload.toString()).getResultList();
        if (ids.isEmpty()) {
            return 0;
        }
        em.createNativeQuery("""
                insert into delivery (webhook_id, signal_id, status, next_attempt_at)
                select w.id, :s, 'PENDING', now() from webhook w
                  join collaboration_member m on m.organisation_id = w.organisation_id and m.collaboration_id = :c
                 where jsonb_exists(w.types, :t) and not w.paused
                on conflict do nothing""").setParameter("s", ids.get(0).longValue()).setParameter("c", collaboration)
                .setParameter("t", type).executeUpdate();
        return 1;
    }

    public JsonNode read(String data) {
        try {
            return json.readTree(data);
        } catch (JsonProcessingException e) {
            throw new UnreadableEventException("unreadable data: " + e.getOriginalMessage(), e);
        }
    }
}
