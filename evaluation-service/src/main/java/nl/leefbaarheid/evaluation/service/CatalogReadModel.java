package nl.leefbaarheid.evaluation.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional.TxType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import nl.leefbaarheid.evaluation.domain.EffectMethod;
import nl.leefbaarheid.evaluation.event.InterventionSnapshot;
import nl.leefbaarheid.platform.events.IncomingEvent.UnreadableEventException;
import nl.leefbaarheid.platform.events.ProcessedEvents;

/**
 * The published catalogue as this service knows it: a snapshot per revision from {@code catalog.interventions.v1},
 * so that deployments are planned from the revision they use even while catalog-service is down.
 */
@ApplicationScoped
public class CatalogReadModel {

    static final String CONSUMER = "evaluation-service.catalog";

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @Inject
    ProcessedEvents processed;

    /** A revision as known here. */
    public record Revision(String interventionId, int revision, String status, String title, EffectMethod method) {
        public boolean usable() {
            return "published".equals(status);
        }
    }

    @Transactional(TxType.REQUIRED)
    public void store(String eventId, String type, InterventionSnapshot snapshot, String data) {
        if (!processed.firstDelivery(CONSUMER, eventId)) {
            return;
        }
        if (snapshot.interventionId() == null || snapshot.revision() == null || snapshot.title() == null
                || snapshot.effectMeasurement() == null || snapshot.effectMeasurement().indicators() == null
                || snapshot.effectMeasurement().indicators().isEmpty() || snapshot.effectMeasurement().finalMonths() == null) {
            throw new UnreadableEventException("snapshot " + eventId + " lacks interventionId, revision, title or a complete effectMeasurement");
        }
        boolean retired = type.endsWith(".retired.v1");
        em.createNativeQuery("""
                insert into intervention_snapshot (intervention_id, revision, status, title, effect_measurement, snapshot, received_at)
                values (:id, :rev, :status, :title, cast(:method as jsonb), cast(:snapshot as jsonb), :at)
                on conflict (intervention_id, revision) do update set status = excluded.status, title = excluded.title,
                    effect_measurement = excluded.effect_measurement, snapshot = excluded.snapshot, received_at = excluded.received_at""")
                .setParameter("id", snapshot.interventionId()).setParameter("rev", snapshot.revision())
                .setParameter("status", retired ? "retired" : "published").setParameter("title", snapshot.title())
                .setParameter("method", write(snapshot.effectMeasurement())).setParameter("snapshot", data)
                .setParameter("at", Instant.now()).executeUpdate();
        if (retired) {
            em.createNativeQuery("update intervention_snapshot set status = 'retired' where intervention_id = :id")
                    .setParameter("id", snapshot.interventionId()).executeUpdate();
        }
    }

    @Transactional(TxType.SUPPORTS)
    public Optional<Revision> find(String interventionId, int revision) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select status, title, cast(effect_measurement as text) from intervention_snapshot"
                + " where intervention_id = :id and revision = :rev").setParameter("id", interventionId)
                .setParameter("rev", revision).getResultList();
        return rows.stream().findFirst().map(r -> new Revision(interventionId, revision, (String) r[0], (String) r[1],
                read((String) r[2])));
    }

    /** The latest published revision of an intervention, if any. */
    @Transactional(TxType.SUPPORTS)
    public Optional<Integer> latestPublished(String interventionId) {
        return em.createNativeQuery("select max(revision) from intervention_snapshot where intervention_id = :id and status = 'published'")
                .setParameter("id", interventionId).getResultStream().filter(r -> r != null).map(r -> ((Number) r).intValue()).findFirst();
    }

    EffectMethod read(String text) {
        try {
            return json.readValue(text, EffectMethod.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored effect method is unreadable", e);
        }
    }

    String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
