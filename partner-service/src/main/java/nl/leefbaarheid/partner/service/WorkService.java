package nl.leefbaarheid.partner.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional.TxType;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.leefbaarheid.partner.api.NewAgreement;
import nl.leefbaarheid.partner.api.NewProgress;
import nl.leefbaarheid.partner.api.NewWorkshop;
import nl.leefbaarheid.partner.domain.PriorityList;
import nl.leefbaarheid.platform.problem.Problem.FieldError;
import nl.leefbaarheid.platform.problem.ProblemException;

/**
 * The work partners do together: performance agreements per municipality and year with their progress, and
 * workshops of a collaboration with pinned problems, the priority list and the actions chosen. A partner
 * sees the agreements of its own municipality and the workshops of its own collaborations only.
 */
@ApplicationScoped
@Transactional(TxType.SUPPORTS)
public class WorkService {

    @Inject
    EntityManager em;

    @Inject
    PartnerAccess access;

    @Inject
    ObjectMapper json;

    // --- agreements ----------------------------------------------------------------------------------

    @Transactional(TxType.REQUIRED)
    public Map<String, Object> createAgreement(NewAgreement request) {
        requireOrganisation("ownerId", request.ownerId());
        if (!access.municipalities().map(own -> own.contains(request.municipalityCode())).orElse(true)) {
            throw ProblemException.forbidden("A corporation makes agreements only in a municipality where it is registered"
                    + " or has a collaboration.");
        }
        UUID id = UUID.randomUUID();
        em.createNativeQuery("""
                insert into agreement (id, municipality_code, year, title, owner_id, indicator, area_code, target_value, due_on)
                values (:id, :gm, :y, :t, :o, :i, :a, :v, :d)""").setParameter("id", id).setParameter("gm", request.municipalityCode())
                .setParameter("y", request.year()).setParameter("t", request.title().strip()).setParameter("o", request.ownerId())
                .setParameter("i", request.indicator()).setParameter("a", request.areaCode()).setParameter("v", request.targetValue())
                .setParameter("d", request.dueOn()).executeUpdate();
        return agreement(id);
    }

    public List<Map<String, Object>> agreements(String municipality, Integer year) {
        if (!access.municipalities().map(own -> own.contains(municipality)).orElse(true)) {
            return List.of(); // a partner or corporation never sees the agreements of a municipality it does not work in
        }
        @SuppressWarnings("unchecked")
        List<UUID> ids = em.createNativeQuery("select id from agreement where municipality_code = :gm"
                + " and (cast(:y as integer) is null or year = :y) order by year, due_on, title")
                .setParameter("gm", municipality).setParameter("y", year).getResultList();
        return ids.stream().map(this::agreement).toList();
    }

    public Map<String, Object> agreement(UUID id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select id, municipality_code, year, title, owner_id, indicator, area_code, target_value, due_on
                  from agreement where id = :id""").setParameter("id", id).getResultList();
        if (rows.isEmpty() || !access.municipalities().map(own -> own.contains((String) rows.get(0)[1])).orElse(true)) {
            throw ProblemException.notFound("agreement", id);
        }
        Object[] r = rows.get(0);
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", r[0]);
        view.put("municipalityCode", r[1]);
        view.put("year", ((Number) r[2]).intValue());
        view.put("title", r[3]);
        view.put("ownerId", r[4]);
        view.put("indicator", r[5]);
        view.put("areaCode", r[6]);
        view.put("targetValue", r[7]);
        view.put("dueOn", CollaborationService.date(r[8]));
        @SuppressWarnings("unchecked")
        List<Object[]> progress = em.createNativeQuery("select reported_on, value, note, author from agreement_progress"
                + " where agreement_id = :id order by reported_on, id").setParameter("id", id).getResultList();
        view.put("progress", progress.stream().map(p -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("reportedOn", CollaborationService.date(p[0]));
            item.put("value", p[1]);
            item.put("note", p[2]);
            item.put("author", p[3]);
            return item;
        }).toList());
        return view;
    }

    /** Progress is reported by the admin, a corporation, or the agreement's owner. */
    @Transactional(TxType.REQUIRED)
    public Map<String, Object> report(UUID id, NewProgress request) {
        Map<String, Object> agreement = agreement(id);
        var caller = access.caller();
        if (!caller.isAdmin() && caller.corporationId().isEmpty()
                && !caller.organisationId().map(agreement.get("ownerId")::equals).orElse(false)) {
            throw ProblemException.forbidden("Only the owner of the agreement, a corporation or an admin reports progress.");
        }
        em.createNativeQuery("insert into agreement_progress (agreement_id, reported_on, value, note, author) values (:id, :on, :v, :n, :a)")
                .setParameter("id", id).setParameter("on", request.reportedOn()).setParameter("v", request.value())
                .setParameter("n", request.note().strip()).setParameter("a", caller.name()).executeUpdate();
        return agreement(id);
    }

    // --- workshops -----------------------------------------------------------------------------------

    @Transactional(TxType.REQUIRED)
    public Map<String, Object> createWorkshop(UUID collaboration, NewWorkshop request) {
        access.requireVisible(collaboration);
        List<NewWorkshop.Pin> pins = request.pins() == null ? List.of() : request.pins();
        List<NewWorkshop.Action> actions = request.actions() == null ? List.of() : request.actions();
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < actions.size(); i++) {
            NewWorkshop.Action action = actions.get(i);
            if (action.pin() != null && action.pin() >= pins.size()) {
                errors.add(new FieldError("actions[" + i + "].pin", "there is no pin " + action.pin()));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid("The workshop has " + errors.size() + " invalid field" + (errors.size() == 1 ? "." : "s."), errors);
        }
        for (int i = 0; i < actions.size(); i++) {
            requireOrganisation("actions[" + i + "].ownerId", actions.get(i).ownerId());
        }
        UUID id = UUID.randomUUID();
        em.createNativeQuery("insert into workshop (id, collaboration_id, title, held_on, participants, areas)"
                + " values (:id, :c, :t, :on, cast(:p as jsonb), cast(:a as jsonb))").setParameter("id", id)
                .setParameter("c", collaboration).setParameter("t", request.title().strip()).setParameter("on", request.heldOn())
                .setParameter("p", write(request.participants())).setParameter("a", write(request.areas())).executeUpdate();
        List<Long> pinIds = new ArrayList<>();
        for (NewWorkshop.Pin pin : pins) {
            Number pinId = (Number) em.createNativeQuery("""
                    insert into pin (workshop_id, area_code, location, complex_id, dimension, severity, description, votes)
                    values (:w, :a, :l, :c, :d, :s, :t, cast(:v as jsonb)) returning id""").setParameter("w", id)
                    .setParameter("a", pin.areaCode()).setParameter("l", pin.location()).setParameter("c", pin.complexId())
                    .setParameter("d", pin.dimension()).setParameter("s", pin.severity()).setParameter("t", pin.description())
                    .setParameter("v", write(pin.votes() == null ? Map.of() : pin.votes())).getSingleResult();
            pinIds.add(pinId.longValue());
        }
        for (NewWorkshop.Action action : actions) {
            em.createNativeQuery("""
                    insert into workshop_action (workshop_id, pin_id, intervention_id, description, owner_id, due_on, corporation_alone)
                    values (:w, :p, :i, :d, :o, :due, :alone)""").setParameter("w", id)
                    .setParameter("p", action.pin() == null ? null : pinIds.get(action.pin())).setParameter("i", action.interventionId())
                    .setParameter("d", action.description()).setParameter("o", action.ownerId()).setParameter("due", action.dueOn())
                    .setParameter("alone", action.corporationAlone()).executeUpdate();
        }
        return workshop(collaboration, id);
    }

    public List<Map<String, Object>> workshops(UUID collaboration) {
        access.requireVisible(collaboration);
        @SuppressWarnings("unchecked")
        List<UUID> ids = em.createNativeQuery("select id from workshop where collaboration_id = :c order by held_on desc")
                .setParameter("c", collaboration).getResultList();
        return ids.stream().map(id -> workshop(collaboration, id)).toList();
    }

    public Map<String, Object> workshop(UUID collaboration, UUID id) {
        access.requireVisible(collaboration);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select title, held_on, cast(participants as text), cast(areas as text)"
                + " from workshop where id = :id and collaboration_id = :c").setParameter("id", id).setParameter("c", collaboration)
                .getResultList();
        if (rows.isEmpty()) {
            throw ProblemException.notFound("workshop", id);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> pins = em.createNativeQuery("select id, area_code, location, complex_id, dimension, severity, description,"
                + " cast(votes as text) from pin where workshop_id = :w order by id").setParameter("w", id).getResultList();
        List<Map<String, Object>> pinViews = new ArrayList<>();
        List<Integer> severities = new ArrayList<>();
        List<Map<String, Integer>> votes = new ArrayList<>();
        for (Object[] p : pins) {
            Map<String, Integer> pinVotes = read((String) p[7], new TypeReference<Map<String, Integer>>() { });
            Map<String, Object> pin = new LinkedHashMap<>();
            pin.put("id", ((Number) p[0]).longValue());
            pin.put("areaCode", p[1]);
            pin.put("location", p[2]);
            pin.put("complexId", p[3]);
            pin.put("dimension", p[4]);
            pin.put("severity", ((Number) p[5]).intValue());
            pin.put("description", p[6]);
            pin.put("votes", pinVotes);
            pinViews.add(pin);
            severities.add(((Number) p[5]).intValue());
            votes.add(pinVotes);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> actions = em.createNativeQuery("select pin_id, intervention_id, description, owner_id, due_on, corporation_alone"
                + " from workshop_action where workshop_id = :w order by id").setParameter("w", id).getResultList();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", id);
        view.put("collaborationId", collaboration);
        view.put("title", rows.get(0)[0]);
        view.put("heldOn", CollaborationService.date(rows.get(0)[1]));
        view.put("participants", read((String) rows.get(0)[2], new TypeReference<List<String>>() { }));
        view.put("areas", read((String) rows.get(0)[3], new TypeReference<List<String>>() { }));
        view.put("pins", pinViews);
        view.put("priorities", PriorityList.of(severities, votes).stream().map(r -> Map.of("pinId", pinViews.get(r.pin()).get("id"),
                "score", r.score(), "votes", r.votes())).toList());
        view.put("actions", actions.stream().map(a -> {
            Map<String, Object> action = new LinkedHashMap<>();
            action.put("pinId", a[0] == null ? null : ((Number) a[0]).longValue());
            action.put("interventionId", a[1]);
            action.put("description", a[2]);
            action.put("ownerId", a[3]);
            action.put("dueOn", CollaborationService.date(a[4]));
            action.put("corporationAlone", a[5]);
            return action;
        }).toList());
        return view;
    }

    private void requireOrganisation(String field, String id) {
        if (em.createNativeQuery("select 1 from organisation where id = :o").setParameter("o", id).getResultList().isEmpty()) {
            throw ProblemException.invalid(field, "no partner organisation " + id);
        }
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
