package nl.leefbaarheid.partner.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional.TxType;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.leefbaarheid.partner.api.AgreementView;
import nl.leefbaarheid.partner.api.NewAgreement;
import nl.leefbaarheid.partner.api.NewProgress;
import nl.leefbaarheid.partner.api.NewWorkshop;
import nl.leefbaarheid.partner.api.WorkshopView;
import nl.leefbaarheid.partner.domain.PriorityList;
import nl.leefbaarheid.platform.paging.Page;
import nl.leefbaarheid.platform.paging.PageRequest;
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
    public AgreementView createAgreement(NewAgreement request) {
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

    public Page<AgreementView> agreements(String municipality, Integer year, PageRequest page) {
        if (!access.municipalities().map(own -> own.contains(municipality)).orElse(true)) {
            // a partner or corporation never sees the agreements of a municipality it does not work in
            return Page.of(List.of(), 0, page);
        }
        String where = " from agreement where municipality_code = :gm and (cast(:y as integer) is null or year = :y)";
        long total = ((Number) em.createNativeQuery("select count(*)" + where).setParameter("gm", municipality).setParameter("y", year)
                .getSingleResult()).longValue();
        @SuppressWarnings("unchecked")
        List<UUID> ids = em.createNativeQuery("select id" + where + " order by year, due_on, title, id limit :size offset :offset")
                .setParameter("gm", municipality).setParameter("y", year).setParameter("size", page.size)
                .setParameter("offset", page.page * page.size).getResultList();
        return Page.of(ids.stream().map(this::agreement).toList(), total, page);
    }

    public AgreementView agreement(UUID id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select id, municipality_code, year, title, owner_id, indicator, area_code, target_value, due_on
                  from agreement where id = :id""").setParameter("id", id).getResultList();
        if (rows.isEmpty() || !access.municipalities().map(own -> own.contains((String) rows.get(0)[1])).orElse(true)) {
            throw ProblemException.notFound("agreement", id);
        }
        Object[] r = rows.get(0);
        @SuppressWarnings("unchecked")
        List<Object[]> progress = em.createNativeQuery("select reported_on, value, note, author from agreement_progress"
                + " where agreement_id = :id order by reported_on, id").setParameter("id", id).getResultList();
        return new AgreementView((UUID) r[0], (String) r[1], ((Number) r[2]).intValue(), (String) r[3], (String) r[4], (String) r[5],
                (String) r[6], (BigDecimal) r[7], Columns.date(r[8]), progress.stream()
                        .map(p -> new AgreementView.Progress(Columns.date(p[0]), (BigDecimal) p[1], (String) p[2], (String) p[3])).toList());
    }

    /** Progress is reported by the admin, a corporation, or the agreement's owner. */
    @Transactional(TxType.REQUIRED)
    public AgreementView report(UUID id, NewProgress request) {
        AgreementView agreement = agreement(id);
        var caller = access.caller();
        if (!caller.isAdmin() && caller.corporationId().isEmpty()
                && !caller.organisationId().map(agreement.ownerId()::equals).orElse(false)) {
            throw ProblemException.forbidden("Only the owner of the agreement, a corporation or an admin reports progress.");
        }
        em.createNativeQuery("insert into agreement_progress (agreement_id, reported_on, value, note, author) values (:id, :on, :v, :n, :a)")
                .setParameter("id", id).setParameter("on", request.reportedOn()).setParameter("v", request.value())
                .setParameter("n", request.note().strip()).setParameter("a", caller.name()).executeUpdate();
        return agreement(id);
    }

    // --- workshops -----------------------------------------------------------------------------------

    @Transactional(TxType.REQUIRED)
    public WorkshopView createWorkshop(UUID collaboration, NewWorkshop request) {
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
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select title, held_on, cast(participants as text), cast(areas as text)"
                + " from workshop where id = :id and collaboration_id = :c").setParameter("id", id).setParameter("c", collaboration)
                .getResultList();
        if (rows.isEmpty()) {
            throw ProblemException.notFound("workshop", id);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> pinRows = em.createNativeQuery("select id, area_code, location, complex_id, dimension, severity, description,"
                + " cast(votes as text) from pin where workshop_id = :w order by id").setParameter("w", id).getResultList();
        List<WorkshopView.PinView> pins = pinRows.stream().map(p -> new WorkshopView.PinView(((Number) p[0]).longValue(), (String) p[1],
                (String) p[2], (String) p[3], (String) p[4], ((Number) p[5]).intValue(), (String) p[6],
                read((String) p[7], new TypeReference<Map<String, Integer>>() { }))).toList();
        List<WorkshopView.Priority> priorities = PriorityList.of(pins.stream().map(WorkshopView.PinView::severity).toList(),
                        pins.stream().map(WorkshopView.PinView::votes).toList()).stream()
                .map(r -> new WorkshopView.Priority(pins.get(r.pin()).id(), r.score(), r.votes())).toList();
        @SuppressWarnings("unchecked")
        List<Object[]> actions = em.createNativeQuery("select pin_id, intervention_id, description, owner_id, due_on, corporation_alone"
                + " from workshop_action where workshop_id = :w order by id").setParameter("w", id).getResultList();
        Object[] w = rows.get(0);
        return new WorkshopView(id, collaboration, (String) w[0], Columns.date(w[1]), read((String) w[2], new TypeReference<List<String>>() { }),
                read((String) w[3], new TypeReference<List<String>>() { }), pins, priorities, actions.stream()
                        .map(a -> new WorkshopView.ActionView(a[0] == null ? null : ((Number) a[0]).longValue(), (String) a[1], (String) a[2],
                                (String) a[3], Columns.date(a[4]), (Boolean) a[5])).toList());
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
