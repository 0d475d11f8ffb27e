package nl.leefbaarheid.partner.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional.TxType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.leefbaarheid.partner.api.ActionChange;
import nl.leefbaarheid.partner.api.ActionView;
import nl.leefbaarheid.partner.api.NewAction;
import nl.leefbaarheid.partner.api.NewActionDeployment;
import nl.leefbaarheid.partner.domain.ActionStatus;
import nl.leefbaarheid.partner.event.DeploymentRequested;
import nl.leefbaarheid.platform.events.IncomingEvent.UnreadableEventException;
import nl.leefbaarheid.platform.outbox.Outbox;
import nl.leefbaarheid.platform.paging.Page;
import nl.leefbaarheid.platform.paging.PageRequest;
import nl.leefbaarheid.platform.problem.ProblemException;
import nl.leefbaarheid.platform.web.ETags;
import org.jboss.logging.Logger;

/**
 * The actions of workshops and their follow-up: added to a pin by a participant or the coordinator, their status changed
 * by their owner or the coordinator, listed per collaboration and per owner (overdue ones too), signalled to the
 * collaboration once when overdue, and, when one names a catalogue intervention, turned into a deployment of the
 * corporation in evaluation-service, whose planning and verdict come back on {@code evaluation.results.v1}.
 */
@ApplicationScoped
@Transactional(TxType.SUPPORTS)
public class ActionService {

    public static final String OVERDUE_SIGNAL = "action-overdue";
    static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");
    private static final Logger LOG = Logger.getLogger(ActionService.class);

    private static final String SELECT = """
            select a.id, w.collaboration_id, a.workshop_id, a.pin_id, p.area_code, a.intervention_id, a.description, a.owner_id,
                   a.due_on, a.corporation_alone, a.status, a.status_note, a.version, a.updated_at, a.deployment_id,
                   a.deployment_state, a.deployment_note, a.verdict, p.complex_id
              from workshop_action a join workshop w on w.id = a.workshop_id left join pin p on p.id = a.pin_id
            """;

    @Inject
    EntityManager em;

    @Inject
    PartnerAccess access;

    @Inject
    ObjectMapper json;

    @Inject
    SignalService signals;

    @Inject
    WorkshopService workshops;

    @Inject
    Outbox outbox;

    /** An action is added to a pin once the session has begun, by a participant, the coordinator, the corporation or the admin. */
    @Transactional(TxType.REQUIRED)
    public ActionView add(UUID collaboration, UUID workshopId, NewAction request) {
        access.requireVisible(collaboration);
        WorkshopService.Workshop workshop = workshops.find(collaboration, workshopId, false);
        if (!access.party().map(workshop.participants()::contains).orElse(false)) {
            access.requireWritable(collaboration);
        }
        workshops.requirePin(workshopId, request.pinId());
        workshop.state().requireHeld("Actions are added");
        if (em.createNativeQuery("""
                select 1 from collaboration c where c.id = :c and (c.corporation_id = :o
                   or exists (select 1 from collaboration_member m where m.collaboration_id = c.id and m.organisation_id = :o))""")
                .setParameter("c", collaboration).setParameter("o", request.ownerId()).getResultList().isEmpty()) {
            throw ProblemException.invalid("ownerId", request.ownerId() + " is neither a member of the collaboration nor its corporation");
        }
        Number id = (Number) em.createNativeQuery("""
                insert into workshop_action (workshop_id, pin_id, intervention_id, description, owner_id, due_on, corporation_alone)
                values (:w, :p, :i, :d, :o, :due, :alone) returning id""").setParameter("w", workshopId)
                .setParameter("p", request.pinId()).setParameter("i", request.interventionId()).setParameter("d", request.description().strip())
                .setParameter("o", request.ownerId()).setParameter("due", request.dueOn()).setParameter("alone", request.corporationAlone())
                .getSingleResult();
        return get(collaboration, workshopId, id.longValue());
    }

    public ActionView get(UUID collaboration, UUID workshop, long id) {
        access.requireVisible(collaboration);
        return one(collaboration, workshop, id, false);
    }

    /**
     * The follow-up: a new status (with a note) or a new due date, by the action's owner, the coordinator or the admin, for
     * the version the caller read ({@code If-Match}, checked once the caller may change the action at all).
     */
    @Transactional(TxType.REQUIRED)
    public ActionView change(UUID collaboration, UUID workshop, long id, String ifMatch, ActionChange request) {
        access.requireVisible(collaboration);
        ActionView action = one(collaboration, workshop, id, true);
        String coordinator = (String) em.createNativeQuery("select coordinator_id from collaboration where id = :c")
                .setParameter("c", collaboration).getSingleResult();
        Optional<String> party = access.party();
        if (!access.caller().isAdmin() && !party.map(p -> p.equals(action.ownerId())).orElse(false)
                && !access.caller().organisationId().map(coordinator::equals).orElse(false)) {
            throw ProblemException.forbidden("Only the action's owner (" + action.ownerId() + ") or the coordinator (" + coordinator
                    + ") changes it.");
        }
        if (request.status() == null && request.dueOn() == null) {
            throw ProblemException.invalid("status", "a change names a new status or a new dueOn");
        }
        long version = ETags.requiredVersion(ifMatch, "Send the action's ETag in If-Match (read it with GET first).");
        if (action.version() != version) {
            throw ProblemException.preconditionFailed("The action changed since version " + version + "; it is at version "
                    + action.version() + ". Read it again and decide anew.");
        }
        ActionStatus status = request.status() == null ? action.status() : action.status().to(ActionStatus.of(request.status()));
        LocalDate dueOn = request.dueOn() == null ? action.dueOn() : request.dueOn();
        em.createNativeQuery("""
                update workshop_action set status = :s, status_note = coalesce(:n, status_note), due_on = :due, version = version + 1,
                       updated_at = now(), overdue_signalled_on = case when due_on = :due then overdue_signalled_on end
                 where id = :id""").setParameter("s", status.value()).setParameter("n", request.note() == null ? null : request.note().strip())
                .setParameter("due", dueOn).setParameter("id", id).executeUpdate();
        return one(collaboration, workshop, id, false);
    }

    /**
     * Turns an action that names a catalogue intervention into a deployment of the collaboration's corporation: the
     * deployment's id is chosen here and the request goes to evaluation-service through the outbox; the answer (planned or
     * refused) comes back as an event. Only the corporation (whose deployment it is) or the admin asks; a refused request
     * may be asked again.
     */
    @Transactional(TxType.REQUIRED)
    public ActionView requestDeployment(UUID collaboration, UUID workshop, long id, NewActionDeployment request) {
        access.requireVisible(collaboration);
        String corporation = (String) em.createNativeQuery("select corporation_id from collaboration where id = :c")
                .setParameter("c", collaboration).getSingleResult();
        if (!access.caller().isAdmin() && !access.caller().corporationId().map(corporation::equals).orElse(false)) {
            throw ProblemException.forbidden("A deployment is the corporation's: only " + corporation + " or an admin turns an action into one.");
        }
        ActionView action = one(collaboration, workshop, id, true);
        if (action.interventionId() == null) {
            throw ProblemException.conflict("The action names no catalogue intervention; only such an action becomes a deployment.");
        }
        if (action.areaCode() == null) {
            throw ProblemException.conflict("The action answers no pin, so it has no neighbourhood to deploy in.");
        }
        if (action.deployment() != null && !action.deployment().state().equals("refused")) {
            throw ProblemException.conflict("The action became deployment " + action.deployment().id() + " already ("
                    + action.deployment().state() + ").");
        }
        if (request.plannedEndDate().isBefore(request.startDate())) {
            throw ProblemException.invalid("plannedEndDate", "must not be before startDate");
        }
        List<String> comparison = request.comparisonAreas() == null ? List.of() : request.comparisonAreas();
        if (comparison.contains(action.areaCode())) {
            throw ProblemException.invalid("comparisonAreas", "must not include the action's own neighbourhood " + action.areaCode());
        }
        String owner = request.owner() != null ? request.owner().strip()
                : (String) em.createNativeQuery("select name from organisation where id = :o").setParameter("o", action.ownerId())
                        .getResultStream().findFirst().orElse(action.ownerId());
        UUID deployment = UUID.randomUUID();
        em.createNativeQuery("""
                update workshop_action set deployment_id = :d, deployment_state = 'requested', deployment_note = null, verdict = null,
                       version = version + 1, updated_at = now() where id = :id""").setParameter("d", deployment).setParameter("id", id)
                .executeUpdate();
        outbox.add(DeploymentRequested.TOPIC, deployment.toString(), DeploymentRequested.TYPE, deployment.toString(),
                new DeploymentRequested(deployment, collaboration, workshop, id, corporation, action.interventionId(),
                        request.interventionRevision(), action.areaCode(), action.complexId(), owner,
                        action.ownerId().equals(corporation) ? List.of() : List.of(action.ownerId()), request.startDate(),
                        request.plannedEndDate(), request.budget(), comparison, access.caller().name(), Instant.now()));
        return one(collaboration, workshop, id, false);
    }

    /** The actions of a collaboration's workshops, filtered by status, owner and whether overdue; due first. */
    public Page<ActionView> ofCollaboration(UUID collaboration, ActionStatus status, String owner, Boolean overdue, PageRequest page) {
        access.requireVisible(collaboration);
        return list("w.collaboration_id = cast(:scope as uuid)", collaboration.toString(), status, owner, overdue, page);
    }

    /** An organisation's actions across the collaborations the caller sees; due first. 404 for an unknown organisation. */
    public Page<ActionView> ofOwner(String owner, ActionStatus status, Boolean overdue, PageRequest page) {
        if (em.createNativeQuery("select 1 from organisation where id = :o").setParameter("o", owner).getResultList().isEmpty()) {
            throw ProblemException.notFound("organisation", owner);
        }
        return list("a.owner_id = :scope", owner, status, null, overdue, page);
    }

    List<ActionView> ofWorkshop(UUID workshop) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(SELECT + " where a.workshop_id = :w order by a.id").setParameter("w", workshop)
                .getResultList();
        return rows.stream().map(this::view).toList();
    }

    /**
     * Once a day's work: every action overdue and not yet signalled gets one signal to its collaboration (again only
     * after its due date moved). Runs every {@code partner.actions.overdue-check}.
     */
    @Scheduled(every = "${partner.actions.overdue-check:1h}", delayed = "${partner.actions.overdue-delay:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    @Transactional(TxType.REQUIRED)
    public void signalOverdue() {
        LocalDate today = LocalDate.now(ZONE);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(SELECT + """
                 where a.status in ('open', 'in-progress') and a.due_on < :today and a.overdue_signalled_on is null
                 order by a.due_on, a.id limit 500 for update of a skip locked""").setParameter("today", today).getResultList();
        for (Object[] row : rows) {
            ActionView action = view(row);
            ObjectNode signal = json.createObjectNode();
            signal.put("actionId", action.id());
            signal.put("workshopId", action.workshopId().toString());
            signal.put("description", action.description());
            signal.put("ownerId", action.ownerId());
            signal.put("dueOn", action.dueOn().toString());
            signal.put("status", action.status().value());
            signal.put("link", "/api/v1/collaborations/" + action.collaborationId() + "/actions?overdue=true");
            signals.record(action.collaborationId(), OVERDUE_SIGNAL, action.areaCode(), OVERDUE_SIGNAL + ":" + action.id() + ":" + action.dueOn(),
                    signal);
            em.createNativeQuery("update workshop_action set overdue_signalled_on = :today where id = :id").setParameter("today", today)
                    .setParameter("id", action.id()).executeUpdate();
        }
        if (!rows.isEmpty()) {
            LOG.infof("Signalled %d overdue workshop action(s)", rows.size());
        }
    }

    /**
     * What evaluation-service did with a deployment an action became: planned or refused it, or completed it with a
     * verdict. Events about deployments no action asked for change nothing; each is idempotent.
     */
    @Transactional(TxType.REQUIRED)
    public int followDeployment(String type, JsonNode event) {
        String id = event.path("deploymentId").asText();
        UUID deployment;
        try {
            deployment = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new UnreadableEventException(type + " event lacks a valid deploymentId: " + id);
        }
        var update = switch (type) {
            case DeploymentEvents.PLANNED -> em.createNativeQuery("update workshop_action set deployment_state = 'planned', version = version + 1,"
                    + " updated_at = now() where deployment_id = :d and deployment_state = 'requested'");
            case DeploymentEvents.REFUSED -> em.createNativeQuery("update workshop_action set deployment_state = 'refused', deployment_note = :n,"
                    + " version = version + 1, updated_at = now() where deployment_id = :d and deployment_state = 'requested'")
                    .setParameter("n", truncate(event.path("reason").asText("refused"), 2000));
            case DeploymentEvents.COMPLETED -> em.createNativeQuery("update workshop_action set deployment_state = 'completed', verdict = :v,"
                    + " version = version + 1, updated_at = now() where deployment_id = :d and deployment_state in ('requested', 'planned')")
                    .setParameter("v", event.path("verdict").asText());
            default -> throw new UnreadableEventException("unknown event type " + type);
        };
        return update.setParameter("d", deployment).executeUpdate();
    }

    private Page<ActionView> list(String scope, String scopeValue, ActionStatus status, String owner, Boolean overdue, PageRequest page) {
        String where = " join collaboration c on c.id = w.collaboration_id where " + scope + " and " + access.visibleCondition()
                + " and (cast(:status as varchar) is null or a.status = :status) and (cast(:owner as varchar) is null or a.owner_id = :owner)"
                + " and (cast(:overdue as boolean) is null or (a.status in ('open', 'in-progress') and a.due_on < :today) = :overdue)";
        String from = SELECT.substring(SELECT.indexOf(" from "));
        var count = em.createNativeQuery("select count(*)" + from + where);
        var rows = em.createNativeQuery(SELECT + where + " order by a.due_on, a.id limit :size offset :offset")
                .setParameter("size", page.size).setParameter("offset", page.page * page.size);
        for (var query : List.of(count, rows)) {
            query.setParameter("scope", scopeValue).setParameter("who", access.who()).setParameter("status", status == null ? null : status.value())
                    .setParameter("owner", owner).setParameter("overdue", overdue).setParameter("today", LocalDate.now(ZONE));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> found = rows.getResultList();
        return Page.of(found.stream().map(this::view).toList(), ((Number) count.getSingleResult()).longValue(), page);
    }

    private ActionView one(UUID collaboration, UUID workshop, long id, boolean forUpdate) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(SELECT + " where a.id = :id and a.workshop_id = :w and w.collaboration_id = :c"
                + (forUpdate ? " for update of a" : "")).setParameter("id", id).setParameter("w", workshop).setParameter("c", collaboration)
                .getResultList();
        if (rows.isEmpty()) {
            throw ProblemException.notFound("action", id);
        }
        return view(rows.get(0));
    }

    private ActionView view(Object[] r) {
        ActionStatus status = ActionStatus.of((String) r[10]);
        LocalDate dueOn = Columns.date(r[8]);
        UUID deployment = (UUID) r[14];
        return new ActionView(((Number) r[0]).longValue(), (UUID) r[1], (UUID) r[2], r[3] == null ? null : ((Number) r[3]).longValue(),
                (String) r[4], (String) r[18], (String) r[5], (String) r[6], (String) r[7], dueOn, (Boolean) r[9], status, (String) r[11],
                status.overdue(dueOn, LocalDate.now(ZONE)), ((Number) r[12]).longValue(), Columns.instant(r[13]),
                deployment == null ? null : new ActionView.DeploymentLink(deployment, (String) r[15], (String) r[16], (String) r[17],
                        "/api/v1/deployments/" + deployment));
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }

    /** The types of evaluation-service's events about deployments that this service follows. */
    public static final class DeploymentEvents {
        public static final String PLANNED = "nl.leefbaarheid.evaluation.deployment-planned.v1";
        public static final String REFUSED = "nl.leefbaarheid.evaluation.deployment-refused.v1";
        public static final String COMPLETED = "nl.leefbaarheid.evaluation.completed.v1";

        private DeploymentEvents() {
        }
    }
}
