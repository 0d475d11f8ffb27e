package nl.leefbaarheid.partner.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional.TxType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.leefbaarheid.partner.api.ActionView;
import nl.leefbaarheid.partner.api.NewPin;
import nl.leefbaarheid.partner.api.NewVote;
import nl.leefbaarheid.partner.api.NewWorkshop;
import nl.leefbaarheid.partner.api.WorkshopView;
import nl.leefbaarheid.partner.domain.Coverage;
import nl.leefbaarheid.partner.domain.PriorityList;
import nl.leefbaarheid.partner.domain.WorkshopState;
import nl.leefbaarheid.platform.paging.Page;
import nl.leefbaarheid.platform.paging.PageRequest;
import nl.leefbaarheid.platform.problem.Problem.FieldError;
import nl.leefbaarheid.platform.problem.ProblemException;

/**
 * Workshops as they happen: planned for a collaboration (date, participants, areas), opened for the session, in which
 * each participant pins problems and casts its own votes while the priority list follows live, and closed. Only the
 * collaboration's members (and its corporation and the admin) read them; the coordinator, the corporation or the admin
 * plans, opens and closes. The collaboration's partners get a signal when a workshop is planned and when it closes.
 */
@ApplicationScoped
@Transactional(TxType.SUPPORTS)
public class WorkshopService {

    public static final String PLANNED_SIGNAL = "workshop-planned";
    public static final String CLOSED_SIGNAL = "workshop-closed";

    @Inject
    EntityManager em;

    @Inject
    PartnerAccess access;

    @Inject
    ObjectMapper json;

    @Inject
    SignalService signals;

    @Inject
    ActionService actions;

    /** A workshop row as the rules need it. */
    record Workshop(UUID id, UUID collaboration, String title, LocalDate heldOn, WorkshopState state, List<String> participants,
            List<String> areas, Instant openedAt, Instant closedAt) {
    }

    @Transactional(TxType.REQUIRED)
    public WorkshopView plan(UUID collaboration, NewWorkshop request) {
        access.requireWritable(collaboration);
        Object[] c = (Object[]) em.createNativeQuery("select corporation_id, municipality_code from collaboration where id = :c")
                .setParameter("c", collaboration).getSingleResult();
        @SuppressWarnings("unchecked")
        List<String> members = em.createNativeQuery("select organisation_id from collaboration_member where collaboration_id = :c")
                .setParameter("c", collaboration).getResultList();
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < request.participants().size(); i++) {
            String participant = request.participants().get(i);
            if (!participant.equals(c[0]) && !members.contains(participant)) {
                errors.add(new FieldError("participants[" + i + "]", participant + " is neither a member of the collaboration nor its corporation"));
            }
        }
        String municipality = ((String) c[1]).substring(2);
        for (int i = 0; i < request.areas().size(); i++) {
            if (!request.areas().get(i).substring(2, 6).equals(municipality)) {
                errors.add(new FieldError("areas[" + i + "]", "lies outside the collaboration's municipality GM" + municipality));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid("The workshop has " + errors.size() + " invalid field" + (errors.size() == 1 ? "." : "s."), errors);
        }
        UUID id = UUID.randomUUID();
        em.createNativeQuery("insert into workshop (id, collaboration_id, title, held_on, participants, areas, state)"
                        + " values (:id, :c, :t, :on, cast(:p as jsonb), cast(:a as jsonb), 'planned')").setParameter("id", id)
                .setParameter("c", collaboration).setParameter("t", request.title().strip()).setParameter("on", request.heldOn())
                .setParameter("p", write(List.copyOf(new LinkedHashSet<>(request.participants()))))
                .setParameter("a", write(List.copyOf(new LinkedHashSet<>(request.areas())))).executeUpdate();
        WorkshopView view = workshop(collaboration, id);
        ObjectNode signal = signalOf(view);
        signal.put("heldOn", view.heldOn().toString());
        signal.set("participants", json.valueToTree(view.participants()));
        signal.set("areas", json.valueToTree(view.areas()));
        signals.record(collaboration, PLANNED_SIGNAL, null, PLANNED_SIGNAL + ":" + id, signal);
        return view;
    }

    @Transactional(TxType.REQUIRED)
    public WorkshopView open(UUID collaboration, UUID id) {
        access.requireWritable(collaboration);
        WorkshopState next = find(collaboration, id, true).state().open();
        em.createNativeQuery("update workshop set state = :s, opened_at = now() where id = :id").setParameter("s", next.value())
                .setParameter("id", id).executeUpdate();
        return workshop(collaboration, id);
    }

    /** Closes the session: the priority list stands, and the partners hear of it with its top problems and the actions chosen. */
    @Transactional(TxType.REQUIRED)
    public WorkshopView close(UUID collaboration, UUID id) {
        access.requireWritable(collaboration);
        WorkshopState next = find(collaboration, id, true).state().close();
        em.createNativeQuery("update workshop set state = :s, closed_at = now() where id = :id").setParameter("s", next.value())
                .setParameter("id", id).executeUpdate();
        WorkshopView view = workshop(collaboration, id);
        ObjectNode signal = signalOf(view);
        signal.put("pins", view.pins().size());
        signal.put("actions", view.actions().size());
        signal.set("topPriorities", json.valueToTree(view.priorities().stream().limit(3).map(p -> Map.of("rank", p.rank(),
                "areaCode", p.areaCode(), "dimension", p.dimension(), "description", p.description(), "score", p.score())).toList()));
        signals.record(collaboration, CLOSED_SIGNAL, null, CLOSED_SIGNAL + ":" + id, signal);
        return view;
    }

    /** A participant pins a problem during the session, in a neighbourhood on the table (or inside an area on it). */
    @Transactional(TxType.REQUIRED)
    public WorkshopView.PinView pin(UUID collaboration, UUID id, NewPin request) {
        access.requireVisible(collaboration);
        Workshop workshop = find(collaboration, id, true);
        String participant = participant(workshop, "Pins are added");
        workshop.state().requireSession("Pins are added");
        if (workshop.areas().stream().noneMatch(area -> Coverage.covers(area, request.areaCode()))) {
            throw ProblemException.invalid("areaCode", request.areaCode() + " is not on the table: the workshop is about " + workshop.areas());
        }
        Number pinId = (Number) em.createNativeQuery("""
                insert into pin (workshop_id, area_code, location, complex_id, dimension, severity, description, pinned_by)
                values (:w, :a, :l, :c, :d, :s, :t, :by) returning id""").setParameter("w", id)
                .setParameter("a", request.areaCode()).setParameter("l", request.location()).setParameter("c", request.complexId())
                .setParameter("d", request.dimension()).setParameter("s", request.severity()).setParameter("t", request.description().strip())
                .setParameter("by", participant).getSingleResult();
        return pins(id).stream().filter(p -> p.id() == pinId.longValue()).findFirst().orElseThrow();
    }

    /** A participant casts (or changes, or with 0 takes back) its own votes on a pin; nobody else's. */
    @Transactional(TxType.REQUIRED)
    public WorkshopView.PinView vote(UUID collaboration, UUID id, long pinId, NewVote request) {
        access.requireVisible(collaboration);
        Workshop workshop = find(collaboration, id, true);
        String participant = participant(workshop, "Votes are cast");
        requirePin(id, pinId);
        workshop.state().requireSession("Votes are cast");
        em.createNativeQuery("""
                insert into pin_vote (pin_id, participant_id, votes) values (:p, :who, :v)
                on conflict (pin_id, participant_id) do update set votes = excluded.votes, cast_at = now()""")
                .setParameter("p", pinId).setParameter("who", participant).setParameter("v", request.votes()).executeUpdate();
        return pins(id).stream().filter(p -> p.id() == pinId).findFirst().orElseThrow();
    }

    /** The live priority list: every pin ranked by severity and votes, with the reasons. */
    public Page<WorkshopView.Priority> priorities(UUID collaboration, UUID id, PageRequest page) {
        access.requireVisible(collaboration);
        find(collaboration, id, false);
        List<WorkshopView.Priority> all = priorities(pins(id));
        int from = Math.min(all.size(), page.page * page.size);
        return Page.of(all.subList(from, Math.min(all.size(), from + page.size)), all.size(), page);
    }

    public Page<WorkshopView> workshops(UUID collaboration, PageRequest page) {
        access.requireVisible(collaboration);
        long total = ((Number) em.createNativeQuery("select count(*) from workshop where collaboration_id = :c")
                .setParameter("c", collaboration).getSingleResult()).longValue();
        @SuppressWarnings("unchecked")
        List<UUID> ids = em.createNativeQuery("select id from workshop where collaboration_id = :c order by held_on desc, id"
                        + " limit :size offset :offset").setParameter("c", collaboration).setParameter("size", page.size)
                .setParameter("offset", page.page * page.size).getResultList();
        return Page.of(ids.stream().map(id -> workshop(collaboration, id)).toList(), total, page);
    }

    public WorkshopView workshop(UUID collaboration, UUID id) {
        access.requireVisible(collaboration);
        Workshop w = find(collaboration, id, false);
        List<WorkshopView.PinView> pins = pins(id);
        List<ActionView> chosen = actions.ofWorkshop(id);
        return new WorkshopView(id, collaboration, w.title(), w.heldOn(), w.state(), w.openedAt(), w.closedAt(), w.participants(),
                w.areas(), pins, priorities(pins), chosen);
    }

    /** The workshop of this collaboration, locked for the change to come when {@code forUpdate}; else 404. */
    Workshop find(UUID collaboration, UUID id, boolean forUpdate) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select title, held_on, state, cast(participants as text), cast(areas as text),"
                        + " opened_at, closed_at from workshop where id = :id and collaboration_id = :c" + (forUpdate ? " for update" : ""))
                .setParameter("id", id).setParameter("c", collaboration).getResultList();
        if (rows.isEmpty()) {
            throw ProblemException.notFound("workshop", id);
        }
        Object[] r = rows.get(0);
        return new Workshop(id, collaboration, (String) r[0], Columns.date(r[1]), WorkshopState.of((String) r[2]),
                read((String) r[3], new TypeReference<List<String>>() { }), read((String) r[4], new TypeReference<List<String>>() { }),
                Columns.instant(r[5]), Columns.instant(r[6]));
    }

    /** The caller as a participant of the workshop: its corporation or organisation must be on the list. */
    private String participant(Workshop workshop, String what) {
        String party = access.party()
                .orElseThrow(() -> ProblemException.forbidden(what + " by the workshop's participants; an admin takes no part."));
        if (!workshop.participants().contains(party)) {
            throw ProblemException.forbidden(what + " by the workshop's participants; " + party + " is not one of them.");
        }
        return party;
    }

    void requirePin(UUID workshop, long pinId) {
        if (em.createNativeQuery("select 1 from pin where id = :p and workshop_id = :w").setParameter("p", pinId)
                .setParameter("w", workshop).getResultList().isEmpty()) {
            throw ProblemException.notFound("pin", pinId);
        }
    }

    private List<WorkshopView.PinView> pins(UUID workshop) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select p.id, p.area_code, p.location, p.complex_id, p.dimension, p.severity, p.description, p.pinned_by,
                       v.participant_id, v.votes
                  from pin p left join pin_vote v on v.pin_id = p.id
                 where p.workshop_id = :w order by p.id, v.participant_id""").setParameter("w", workshop).getResultList();
        Map<Long, WorkshopView.PinView> pins = new LinkedHashMap<>();
        for (Object[] r : rows) {
            long id = ((Number) r[0]).longValue();
            WorkshopView.PinView pin = pins.computeIfAbsent(id, k -> new WorkshopView.PinView(k, (String) r[1], (String) r[2], (String) r[3],
                    (String) r[4], ((Number) r[5]).intValue(), (String) r[6], (String) r[7], new LinkedHashMap<>()));
            if (r[8] != null) {
                pin.votes().put((String) r[8], ((Number) r[9]).intValue());
            }
        }
        return List.copyOf(pins.values());
    }

    private static List<WorkshopView.Priority> priorities(List<WorkshopView.PinView> pins) {
        Map<Long, WorkshopView.PinView> byId = new LinkedHashMap<>();
        pins.forEach(p -> byId.put(p.id(), p));
        return PriorityList.of(pins.stream().map(p -> new PriorityList.Pin(p.id(), p.severity(), p.votes())).toList()).stream()
                .map(r -> {
                    WorkshopView.PinView pin = byId.get(r.pin());
                    return new WorkshopView.Priority(r.rank(), r.pin(), pin.areaCode(), pin.dimension(), pin.description(), r.score(),
                            r.votes(), r.voters(), r.reasons());
                }).toList();
    }

    private ObjectNode signalOf(WorkshopView view) {
        ObjectNode signal = json.createObjectNode();
        signal.put("workshopId", view.id().toString());
        signal.put("title", view.title());
        signal.put("state", view.state().value());
        signal.put("link", "/api/v1/collaborations/" + view.collaborationId() + "/workshops/" + view.id());
        return signal;
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
