package nl.leefbaarheid.evaluation.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional.TxType;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import nl.leefbaarheid.evaluation.api.DeploymentChange;
import nl.leefbaarheid.evaluation.api.DeploymentOrigin;
import nl.leefbaarheid.evaluation.api.DeploymentView;
import nl.leefbaarheid.evaluation.api.DueMeasurement;
import nl.leefbaarheid.evaluation.api.NewDeployment;
import nl.leefbaarheid.evaluation.domain.DeploymentStatus;
import nl.leefbaarheid.evaluation.domain.EffectCalculator;
import nl.leefbaarheid.evaluation.domain.EffectMethod;
import nl.leefbaarheid.evaluation.domain.MeasurementPlan;
import nl.leefbaarheid.evaluation.domain.Slot;
import nl.leefbaarheid.evaluation.entity.Deployment;
import nl.leefbaarheid.evaluation.entity.Measurement;
import nl.leefbaarheid.evaluation.event.DeploymentPlanned;
import nl.leefbaarheid.evaluation.event.DeploymentRefused;
import nl.leefbaarheid.evaluation.event.DeploymentRequested;
import nl.leefbaarheid.evaluation.event.EvaluationCompleted;
import nl.leefbaarheid.platform.audit.Audit;
import nl.leefbaarheid.platform.audit.AuditEntry;
import nl.leefbaarheid.platform.outbox.Outbox;
import nl.leefbaarheid.platform.paging.Page;
import nl.leefbaarheid.platform.paging.PageRequest;
import nl.leefbaarheid.platform.problem.ProblemException;
import nl.leefbaarheid.platform.security.Caller;
import nl.leefbaarheid.platform.web.ETags;

/**
 * Deployments: created from a published revision with its measurement plan and comparison areas, started,
 * completed (the effect is computed and published) or stopped. A corporation sees only its own; a partner
 * those it is involved in; anyone else gets 404.
 */
@ApplicationScoped
@Transactional(TxType.SUPPORTS)
public class DeploymentService {

    static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

    /** The kind of record of a deployment in the audit trail. */
    public static final String KIND = "deployment";

    static final String IF_MATCH_HINT = "Send the deployment's ETag (from GET /api/v1/deployments/{id}) in If-Match.";

    @Inject
    Audit audit;

    @Inject
    Caller caller;

    @Inject
    CatalogReadModel catalog;

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @Inject
    Outbox outbox;

    @Inject
    Validator validator;

    public Page<DeploymentView> list(PageRequest page) {
        Sort order = Sort.by("startDate").descending().and("id");
        if (caller.isAdmin()) {
            return Page.of(Deployment.findAll(order), page, this::view);
        }
        if (caller.corporationId().isPresent()) {
            return Page.of(Deployment.find("corporationId", order, caller.corporationId().get()), page, this::view);
        }
        return Page.of(Deployment.find("id in ?1", order, involving(caller.organisationId().orElse(""))), page, this::view);
    }

    public DeploymentView get(UUID id) {
        return view(visible(id));
    }

    /** The deployment if the caller may read it; else 404, so that its existence is not disclosed. */
    public Deployment visible(UUID id) {
        Deployment deployment = Deployment.findById(id);
        if (deployment == null || !(caller.isAdmin() || caller.corporationId().map(deployment.corporationId::equals).orElse(false)
                || caller.organisationId().map(o -> partners(deployment).contains(o)).orElse(false))) {
            throw ProblemException.notFound("deployment", id);
        }
        return deployment;
    }

    /** The deployment if the caller may change it: the admin or the owning corporation. */
    public Deployment writable(UUID id) {
        return writable(id, LockModeType.NONE);
    }

    private Deployment writable(UUID id, LockModeType lock) {
        Deployment deployment = Deployment.findById(id, lock);
        if (deployment == null || !(caller.isAdmin() || caller.corporationId().map(deployment.corporationId::equals).orElse(false))) {
            throw ProblemException.notFound("deployment", id);
        }
        return deployment;
    }

    @Transactional(TxType.REQUIRED)
    public DeploymentView create(NewDeployment request) {
        return view(plan(UUID.randomUUID(), corporationFor(request.corporationId()), request, null));
    }

    /**
     * Plans the deployment a workshop action asked for, under the id partner-service chose, or refuses it with the reason
     * (a revision that is not published, dates the wrong way round, ...); either answer goes out on
     * {@code evaluation.results.v1}. A request whose deployment exists already changes nothing.
     */
    @Transactional(TxType.REQUIRED)
    public void fromWorkshopAction(DeploymentRequested request) {
        if (Deployment.findById(request.deploymentId()) != null) {
            return;
        }
        DeploymentOrigin origin = new DeploymentOrigin(request.collaborationId(), request.workshopId(), request.actionId());
        Integer revision = request.interventionRevision() != null ? request.interventionRevision()
                : request.interventionId() == null ? null : catalog.latestPublished(request.interventionId()).orElse(null);
        NewDeployment deployment = new NewDeployment(request.interventionId(), revision, request.areaCode(), request.complexId(),
                request.corporationId(), request.owner(), request.startDate(), request.plannedEndDate(), request.budget(),
                request.partners(), request.comparisonAreas());
        try {
            if (revision == null) {
                throw ProblemException.invalid("interventionId", "the catalogue has no published revision of " + request.interventionId());
            }
            List<String> invalid = validator.validate(deployment).stream()
                    .map(v -> v.getPropertyPath() + " " + v.getMessage()).sorted().toList();
            if (!invalid.isEmpty() || request.corporationId() == null) {
                throw ProblemException.invalid("request", invalid.isEmpty() ? "corporationId is missing" : String.join("; ", invalid));
            }
            plan(request.deploymentId(), request.corporationId(), deployment, origin);
        } catch (ProblemException refused) {
            String reason = refused.errors() == null || refused.errors().isEmpty() ? refused.getMessage()
                    : refused.errors().stream().map(e -> e.field() + ": " + e.message()).collect(java.util.stream.Collectors.joining("; "));
            outbox.add(EvaluationCompleted.TOPIC, request.deploymentId().toString(), DeploymentRefused.TYPE, request.deploymentId().toString(),
                    new DeploymentRefused(request.deploymentId(), request.interventionId(), request.areaCode(), request.corporationId(),
                            origin, reason));
        }
    }

    private Deployment plan(UUID id, String corporation, NewDeployment request, DeploymentOrigin origin) {
        if (request.plannedEndDate().isBefore(request.startDate())) {
            throw ProblemException.invalid("plannedEndDate", "must not be before startDate");
        }
        List<String> comparison = request.comparisonAreas() == null ? List.of() : List.copyOf(new LinkedHashSet<>(request.comparisonAreas()));
        if (comparison.contains(request.areaCode())) {
            throw ProblemException.invalid("comparisonAreas", "must not include the area of the deployment itself");
        }
        CatalogReadModel.Revision revision = catalog.find(request.interventionId(), request.interventionRevision())
                .orElseThrow(() -> ProblemException.invalid("interventionRevision", "revision " + request.interventionRevision()
                        + " of " + request.interventionId() + " is not a published revision of the catalogue"));
        if (!revision.usable()) {
            throw ProblemException.conflict("Intervention " + request.interventionId() + " is retired; it cannot be deployed anew.");
        }
        Deployment deployment = new Deployment();
        deployment.id = id;
        deployment.interventionId = request.interventionId();
        deployment.interventionRevision = request.interventionRevision();
        deployment.interventionTitle = revision.title();
        deployment.effectMethod = catalog.write(revision.method());
        deployment.areaCode = request.areaCode();
        deployment.complexId = request.complexId();
        deployment.corporationId = corporation;
        deployment.owner = request.owner().strip();
        deployment.startDate = request.startDate();
        deployment.plannedEndDate = request.plannedEndDate();
        deployment.budget = request.budget();
        deployment.partners = catalog.write(request.partners() == null ? List.of() : request.partners());
        deployment.status = DeploymentStatus.PLANNED;
        if (origin != null) {
            deployment.originCollaborationId = origin.collaborationId();
            deployment.originWorkshopId = origin.workshopId();
            deployment.originActionId = origin.actionId();
        }
        deployment.persist();
        em.flush();
        writePlan(deployment.id, MeasurementPlan.of(request.startDate(), revision.method()));
        writeComparisonAreas(deployment.id, comparison);
        audit.record(KIND, deployment.id.toString(), "planned", null, view(deployment), null);
        outbox.add(EvaluationCompleted.TOPIC, deployment.id.toString(), DeploymentPlanned.TYPE, deployment.id.toString(),
                new DeploymentPlanned(deployment.id, deployment.interventionId, deployment.interventionRevision, deployment.interventionTitle,
                        deployment.areaCode, deployment.complexId, corporation, deployment.startDate, deployment.plannedEndDate, origin));
        return deployment;
    }

    /**
     * Changes the plan, budget, partners or comparison areas of a deployment that has not ended, at the version the caller
     * read; the same values again change nothing. A new start date (only while planned) re-plans the measurement slots; the
     * effect follows the new comparison areas (it is computed from them).
     */
    @Transactional(TxType.REQUIRED)
    public Deployment update(UUID id, DeploymentChange change, String ifMatch) {
        Deployment deployment = writable(id, LockModeType.PESSIMISTIC_WRITE);
        long expected = ETags.requiredVersion(ifMatch, IF_MATCH_HINT);
        if (deployment.status == DeploymentStatus.COMPLETED || deployment.status == DeploymentStatus.STOPPED) {
            throw ProblemException.conflict("The deployment has ended (" + deployment.status.name().toLowerCase() + "); its plan is closed.");
        }
        if (deployment.version != expected) {
            throw ProblemException.preconditionFailed("The deployment changed since version " + expected + "; it is at version "
                    + deployment.version + ". Read it again.");
        }
        LocalDate start = change.startDate() == null ? deployment.startDate : change.startDate();
        if (!start.equals(deployment.startDate) && deployment.status != DeploymentStatus.PLANNED) {
            throw ProblemException.conflict("The start date changes only while the deployment is planned; this one is "
                    + deployment.status.name().toLowerCase() + ".");
        }
        LocalDate plannedEnd = change.plannedEndDate() == null ? deployment.plannedEndDate : change.plannedEndDate();
        if (plannedEnd.isBefore(start)) {
            throw ProblemException.invalid("plannedEndDate", "must not be before startDate (" + start + ")");
        }
        List<String> comparison = change.comparisonAreas() == null ? comparisonAreas(id)
                : new LinkedHashSet<>(change.comparisonAreas()).stream().sorted().toList();
        if (comparison.contains(deployment.areaCode)) {
            throw ProblemException.invalid("comparisonAreas", "must not include the area of the deployment itself");
        }
        DeploymentView before = view(deployment);
        String owner = change.owner() == null ? deployment.owner : change.owner().strip();
        BigDecimal budget = change.budget() == null ? deployment.budget : change.budget();
        List<String> partners = change.partners() == null ? partners(deployment) : List.copyOf(new LinkedHashSet<>(change.partners()));
        boolean planChanged = !owner.equals(deployment.owner) || !start.equals(deployment.startDate)
                || !plannedEnd.equals(deployment.plannedEndDate) || !partners.equals(before.partners())
                || (budget == null ? deployment.budget != null : deployment.budget == null || budget.compareTo(deployment.budget) != 0);
        boolean comparisonChanged = !comparison.equals(before.comparisonAreas());
        if (!planChanged && !comparisonChanged) {
            return deployment;
        }
        if (!start.equals(deployment.startDate)) {
            em.createNativeQuery("delete from plan_slot where deployment_id = :d").setParameter("d", id).executeUpdate();
            writePlan(id, MeasurementPlan.of(start, method(deployment)));
        }
        if (comparisonChanged) {
            em.createNativeQuery("delete from comparison_area where deployment_id = :d").setParameter("d", id).executeUpdate();
            writeComparisonAreas(id, comparison);
        }
        deployment.owner = owner;
        deployment.startDate = start;
        deployment.plannedEndDate = plannedEnd;
        deployment.budget = budget;
        deployment.partners = catalog.write(partners);
        if (planChanged) {
            em.flush(); // raises the version, which the history and the ETag show
        } else {
            em.lock(deployment, LockModeType.PESSIMISTIC_FORCE_INCREMENT); // only its comparison areas (other rows) changed
        }
        audit.record(KIND, id.toString(), "updated", before, view(deployment), change.reason() == null ? null : change.reason().strip());
        return deployment;
    }

    /** The deployment after a change of its state, with the change in its history. */
    private DeploymentView recorded(Deployment deployment, String action, DeploymentView before, String reason) {
        em.flush(); // raises the version, which the history and the ETag show
        DeploymentView after = view(deployment);
        audit.record(KIND, deployment.id.toString(), action, before, after, reason);
        return after;
    }

    /** The deployment's changes, newest first, for whoever may read it. */
    public Page<AuditEntry> history(UUID id, PageRequest page) {
        visible(id);
        return audit.history(KIND, id.toString(), page);
    }

    private void writePlan(UUID deployment, List<MeasurementPlan.PlannedSlot> plan) {
        for (MeasurementPlan.PlannedSlot slot : plan) {
            em.createNativeQuery("insert into plan_slot (deployment_id, slot, due_on, indicators) values (:d, :s, :due, cast(:i as jsonb))")
                    .setParameter("d", deployment).setParameter("s", slot.slot().name()).setParameter("due", slot.dueOn())
                    .setParameter("i", catalog.write(slot.indicators())).executeUpdate();
        }
    }

    private void writeComparisonAreas(UUID deployment, List<String> areas) {
        for (String area : areas) {
            em.createNativeQuery("insert into comparison_area (deployment_id, area_code) values (:d, :a)")
                    .setParameter("d", deployment).setParameter("a", area).executeUpdate();
        }
    }

    @Transactional(TxType.REQUIRED)
    public DeploymentView start(UUID id) {
        Deployment deployment = writable(id);
        if (deployment.status != DeploymentStatus.PLANNED) {
            throw ProblemException.conflict("Only a planned deployment can start; this one is " + deployment.status.name().toLowerCase() + ".");
        }
        DeploymentView before = view(deployment);
        deployment.status = DeploymentStatus.RUNNING;
        return recorded(deployment, "started", before, null);
    }

    /** Completes the deployment: its effect is computed, kept and published to {@code evaluation.results.v1}. */
    @Transactional(TxType.REQUIRED)
    public DeploymentView complete(UUID id, LocalDate endDate) {
        Deployment deployment = writable(id);
        if (deployment.status == DeploymentStatus.COMPLETED || deployment.status == DeploymentStatus.STOPPED) {
            throw ProblemException.conflict("The deployment has ended already (" + deployment.status.name().toLowerCase() + ").");
        }
        EffectCalculator.Effect effect = effect(deployment);
        DeploymentView before = view(deployment);
        deployment.status = DeploymentStatus.COMPLETED;
        deployment.actualEndDate = endDate != null ? endDate : LocalDate.now(ZONE);
        deployment.completedAt = Instant.now();
        deployment.result = catalog.write(effect);
        outbox.add(EvaluationCompleted.TOPIC, deployment.id.toString(), EvaluationCompleted.TYPE, deployment.id.toString(),
                new EvaluationCompleted(deployment.id, deployment.interventionId, deployment.interventionRevision,
                        deployment.interventionTitle, deployment.areaCode, deployment.complexId, deployment.corporationId,
                        effect.verdict(), effect.indicators().stream().map(i -> new EvaluationCompleted.Indicator(i.indicator(),
                                i.baseline(), i.interim(), i.finalValue(), i.change(), i.comparisonChange(), i.effect(),
                                i.minimalRelevantChange(), i.verdict(), i.respondents())).toList(), deployment.completedAt));
        return recorded(deployment, "completed", before, null);
    }

    @Transactional(TxType.REQUIRED)
    public DeploymentView stop(UUID id, LocalDate endDate, String reason) {
        Deployment deployment = writable(id);
        if (reason == null || reason.isBlank()) {
            throw ProblemException.invalid("reason", "is required to stop a deployment");
        }
        if (deployment.status == DeploymentStatus.COMPLETED || deployment.status == DeploymentStatus.STOPPED) {
            throw ProblemException.conflict("The deployment has ended already (" + deployment.status.name().toLowerCase() + ").");
        }
        DeploymentView before = view(deployment);
        deployment.status = DeploymentStatus.STOPPED;
        deployment.stopReason = reason.strip();
        deployment.actualEndDate = endDate != null ? endDate : LocalDate.now(ZONE);
        return recorded(deployment, "stopped", before, deployment.stopReason);
    }

    /**
     * The effect as the measurements stand now, corrected values counted and withdrawn ones not (for a completed deployment: as
     * it was at completion).
     */
    public EffectCalculator.Effect effectOf(UUID id) {
        Deployment deployment = visible(id);
        return deployment.result != null ? read(deployment.result, new TypeReference<EffectCalculator.Effect>() { })
                : effect(deployment);
    }

    EffectCalculator.Effect effect(Deployment deployment) {
        List<Measurement> measurements = Measurement.list("deploymentId = ?1 and withdrawnAt is null", deployment.id);
        List<EffectCalculator.Value> values = measurements.stream()
                .filter(m -> m.slot != null && m.slot != Slot.MONITORING)
                .map(m -> new EffectCalculator.Value(m.areaCode, m.slot, m.indicator, m.value.doubleValue(), m.respondents))
                .toList();
        return EffectCalculator.compute(deployment.areaCode, Set.copyOf(comparisonAreas(deployment.id)), method(deployment), values);
    }

    /**
     * Plan slots due within the given days (or overdue) of running and planned deployments, with the indicators still
     * missing, earliest first. Whether a slot is still missing something is known only after reading its measurements, so
     * the page is cut from the whole list (a corporation has a few slots due at a time).
     */
    public Page<DueMeasurement> due(int withinDays, PageRequest page) {
        LocalDate today = LocalDate.now(ZONE);
        String where = caller.isAdmin() ? "" : " and d.corporation_id = :corporation";
        var query = em.createNativeQuery("""
                select d.id, d.intervention_title, d.area_code, d.complex_id, p.slot, p.due_on, cast(p.indicators as text)
                  from plan_slot p join deployment d on d.id = p.deployment_id
                 where d.status in ('PLANNED', 'RUNNING') and p.due_on <= :until""" + where + " order by p.due_on, d.id")
                .setParameter("until", today.plusDays(withinDays));
        if (!caller.isAdmin()) {
            query.setParameter("corporation", caller.corporationId().orElse(""));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        List<DueMeasurement> due = new ArrayList<>();
        for (Object[] r : rows) {
            UUID deployment = (UUID) r[0];
            Slot slot = Slot.valueOf((String) r[4]);
            List<String> planned = read((String) r[6], new TypeReference<List<String>>() { });
            @SuppressWarnings("unchecked")
            List<String> measured = em.createNativeQuery("select distinct indicator from measurement where deployment_id = :d"
                    + " and slot = :s and area_code = :a and withdrawn_at is null").setParameter("d", deployment).setParameter("s", slot.name())
                    .setParameter("a", r[2]).getResultList();
            List<String> missing = planned.stream().filter(i -> !measured.contains(i)).toList();
            if (missing.isEmpty()) {
                continue;
            }
            LocalDate dueOn = r[5] instanceof Date d ? d.toLocalDate() : (LocalDate) r[5];
            due.add(new DueMeasurement(deployment, (String) r[1], (String) r[2], (String) r[3], slot, dueOn, dueOn.isBefore(today), missing));
        }
        int from = Math.min(due.size(), page.page * page.size);
        return Page.of(due.subList(from, Math.min(due.size(), from + page.size)), due.size(), page);
    }

    public DeploymentView view(Deployment d) {
        @SuppressWarnings("unchecked")
        List<Object[]> plan = em.createNativeQuery("select slot, due_on, cast(indicators as text) from plan_slot where deployment_id = :d order by due_on")
                .setParameter("d", d.id).getResultList();
        return new DeploymentView(d.id, d.interventionId, d.interventionRevision, d.interventionTitle, d.areaCode, d.complexId,
                d.corporationId, d.owner, d.startDate, d.plannedEndDate, d.actualEndDate, d.status, d.stopReason, d.budget,
                partners(d), comparisonAreas(d.id), plan.stream().map(p -> new DeploymentView.PlanItem(Slot.valueOf((String) p[0]),
                        p[1] instanceof Date date ? date.toLocalDate() : (LocalDate) p[1],
                        read((String) p[2], new TypeReference<List<String>>() { }))).toList(),
                d.result == null ? null : read(d.result, new TypeReference<EffectCalculator.Effect>() { }), d.completedAt,
                d.originActionId == null ? null : new DeploymentOrigin(d.originCollaborationId, d.originWorkshopId, d.originActionId),
                d.version);
    }

    public EffectMethod method(Deployment deployment) {
        return catalog.read(deployment.effectMethod);
    }

    public List<String> comparisonAreas(UUID deployment) {
        @SuppressWarnings("unchecked")
        List<String> areas = em.createNativeQuery("select area_code from comparison_area where deployment_id = :d order by area_code")
                .setParameter("d", deployment).getResultList();
        return areas;
    }

    List<String> partners(Deployment deployment) {
        return read(deployment.partners, new TypeReference<List<String>>() { });
    }

    private List<UUID> involving(String organisation) {
        @SuppressWarnings("unchecked")
        List<UUID> ids = em.createNativeQuery("select id from deployment where jsonb_exists(partners, :o)")
                .setParameter("o", organisation).getResultList();
        return ids.isEmpty() ? List.of(new UUID(0, 0)) : ids;
    }

    private String corporationFor(String requested) {
        if (caller.isAdmin()) {
            if (requested == null) {
                throw ProblemException.invalid("corporationId", "is required when an admin creates a deployment");
            }
            return requested;
        }
        String own = caller.corporationId()
                .orElseThrow(() -> ProblemException.forbidden("The token names no corporation (claim corporation_id)."));
        if (requested != null && !requested.equals(own)) {
            throw ProblemException.forbidden("A corporation can only deploy interventions for itself.");
        }
        return own;
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON is unreadable", e);
        }
    }
}
