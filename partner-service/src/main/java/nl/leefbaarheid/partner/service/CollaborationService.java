package nl.leefbaarheid.partner.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional.TxType;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import nl.leefbaarheid.partner.api.CollaborationChange;
import nl.leefbaarheid.partner.api.CollaborationEnd;
import nl.leefbaarheid.partner.api.CollaborationView;
import nl.leefbaarheid.partner.api.NewCollaboration;
import nl.leefbaarheid.platform.audit.Audit;
import nl.leefbaarheid.platform.audit.AuditEntry;
import nl.leefbaarheid.platform.paging.Page;
import nl.leefbaarheid.platform.paging.PageRequest;
import nl.leefbaarheid.platform.problem.Problem.FieldError;
import nl.leefbaarheid.platform.problem.ProblemException;

/** Collaborations: who works together where, coordinated by whom, sharing what. */
@ApplicationScoped
@Transactional(TxType.SUPPORTS)
public class CollaborationService {

    static final String KIND = "collaboration";

    @Inject
    Audit audit;

    @Inject
    EntityManager em;

    @Inject
    PartnerAccess access;

    @Transactional(TxType.REQUIRED)
    public CollaborationView create(NewCollaboration request) {
        String corporation = access.caller().isAdmin() ? request.corporationId() : access.caller().corporationId().orElse(null);
        if (corporation == null) {
            throw ProblemException.invalid("corporationId", "is required when an admin creates a collaboration");
        }
        if (!access.caller().isAdmin() && request.corporationId() != null && !request.corporationId().equals(corporation)) {
            throw ProblemException.forbidden("A corporation creates collaborations about its own figures only.");
        }
        List<String> members = new ArrayList<>(new LinkedHashSet<>(request.members()));
        if (!members.contains(request.coordinatorId())) {
            members.add(0, request.coordinatorId());
        }
        List<FieldError> errors = check(request.members(), request.coordinatorId(), request.areas(), request.municipalityCode(),
                request.startDate(), request.endDate());
        if (!errors.isEmpty()) {
            throw ProblemException.invalid("The collaboration has " + errors.size() + " invalid field" + (errors.size() == 1 ? "." : "s."), errors);
        }
        UUID id = UUID.randomUUID();
        em.createNativeQuery("""
                insert into collaboration (id, name, municipality_code, corporation_id, coordinator_id, start_date, end_date,
                                           share_complexes, share_surveys, share_evaluations)
                values (:id, :name, :gm, :corp, :coord, :start, :end, :cx, :sv, :ev)""")
                .setParameter("id", id).setParameter("name", request.name().strip()).setParameter("gm", request.municipalityCode())
                .setParameter("corp", corporation).setParameter("coord", request.coordinatorId())
                .setParameter("start", request.startDate()).setParameter("end", request.endDate())
                .setParameter("cx", request.sharing().complexes()).setParameter("sv", request.sharing().surveys())
                .setParameter("ev", request.sharing().evaluations()).executeUpdate();
        insertMembersAndAreas(id, members, request.areas());
        audit.record(KIND, id.toString(), "created", null, get(id), null);
        return get(id);
    }

    /** The field errors of the members and coordinator asked for, the areas and the period of a collaboration. */
    private List<FieldError> check(List<String> members, String coordinator, List<String> areas, String municipality, LocalDate start,
            LocalDate end) {
        List<FieldError> errors = new ArrayList<>();
        List<String> asked = new ArrayList<>(members);
        asked.add(coordinator);
        @SuppressWarnings("unchecked")
        List<String> known = em.createNativeQuery("select id from organisation where id = any(cast(:ids as varchar[]))")
                .setParameter("ids", asked.toArray(String[]::new)).getResultList();
        for (int i = 0; i < members.size(); i++) {
            if (!known.contains(members.get(i))) {
                errors.add(new FieldError("members[" + i + "]", "no partner organisation " + members.get(i)));
            }
        }
        if (!known.contains(coordinator)) {
            errors.add(new FieldError("coordinatorId", "no partner organisation " + coordinator));
        }
        for (int i = 0; i < areas.size(); i++) {
            if (!areas.get(i).substring(2, 6).equals(municipality.substring(2))) {
                errors.add(new FieldError("areas[" + i + "]", "lies outside municipality " + municipality));
            }
        }
        if (end != null && end.isBefore(start)) {
            errors.add(new FieldError("endDate", "must not be before startDate"));
        }
        return errors;
    }

    private void insertMembersAndAreas(UUID id, List<String> members, List<String> areas) {
        for (String member : members) {
            em.createNativeQuery("insert into collaboration_member values (:c, :o)").setParameter("c", id).setParameter("o", member).executeUpdate();
        }
        for (String area : new LinkedHashSet<>(areas)) {
            em.createNativeQuery("insert into collaboration_area values (:c, :a)").setParameter("c", id).setParameter("a", area).executeUpdate();
        }
    }

    public Page<CollaborationView> list(PageRequest page) {
        long total = ((Number) em.createNativeQuery("select count(*) from collaboration c where " + access.visibleCondition())
                .setParameter("who", access.who()).getSingleResult()).longValue();
        @SuppressWarnings("unchecked")
        List<UUID> ids = em.createNativeQuery("select c.id from collaboration c where " + access.visibleCondition()
                        + " order by c.start_date desc, c.name, c.id limit :size offset :offset")
                .setParameter("who", access.who()).setParameter("size", page.size).setParameter("offset", page.page * page.size)
                .getResultList();
        return Page.of(ids.stream().map(this::get).toList(), total, page);
    }

    public CollaborationView get(UUID id) {
        access.requireVisible(id);
        Object[] c = (Object[]) em.createNativeQuery("""
                select id, name, municipality_code, corporation_id, coordinator_id, start_date, end_date, share_complexes,
                       share_surveys, share_evaluations, end_reason, version from collaboration where id = :id""").setParameter("id", id)
                .getSingleResult();
        @SuppressWarnings("unchecked")
        List<String> members = em.createNativeQuery("select organisation_id from collaboration_member where collaboration_id = :id order by 1")
                .setParameter("id", id).getResultList();
        @SuppressWarnings("unchecked")
        List<String> areas = em.createNativeQuery("select area_code from collaboration_area where collaboration_id = :id order by 1")
                .setParameter("id", id).getResultList();
        return new CollaborationView((UUID) c[0], (String) c[1], (String) c[2], (String) c[3], (String) c[4], Columns.date(c[5]),
                Columns.date(c[6]), new NewCollaboration.SharingScopeView((Boolean) c[7], (Boolean) c[8], (Boolean) c[9]), members, areas,
                (String) c[10], ((Number) c[11]).longValue());
    }

    /**
     * A change by the coordinator, the corporation or the admin, for the version read: name, coordinator, members, areas,
     * end date, sharing scope. A new scope applies to the signals made from then on (they are made here).
     */
    @Transactional(TxType.REQUIRED)
    public CollaborationView update(UUID id, String ifMatch, CollaborationChange change) {
        access.requireWritable(id);
        CollaborationView before = lock(id);
        Versions.require(ifMatch, before.version(), "collaboration");
        List<String> members = change.members() == null ? new ArrayList<>(before.members()) : new ArrayList<>(new LinkedHashSet<>(change.members()));
        String coordinator = change.coordinatorId() == null ? before.coordinatorId() : change.coordinatorId();
        if (!members.contains(coordinator)) {
            members.add(0, coordinator);
        }
        List<String> areas = change.areas() == null ? before.areas() : List.copyOf(new LinkedHashSet<>(change.areas()));
        LocalDate endDate = change.endDate() == null ? before.endDate() : change.endDate();
        List<FieldError> errors = check(change.members() == null ? List.of() : change.members(), coordinator, areas, before.municipalityCode(),
                before.startDate(), endDate);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid("The change has " + errors.size() + " invalid field" + (errors.size() == 1 ? "." : "s."), errors);
        }
        NewCollaboration.SharingScopeView sharing = change.sharing() == null ? before.sharing() : change.sharing();
        em.createNativeQuery("""
                update collaboration set name = :name, coordinator_id = :coord, end_date = :end, share_complexes = :cx, share_surveys = :sv,
                       share_evaluations = :ev, version = version + 1 where id = :id""")
                .setParameter("name", change.name() == null ? before.name() : change.name().strip()).setParameter("coord", coordinator)
                .setParameter("end", endDate).setParameter("cx", sharing.complexes()).setParameter("sv", sharing.surveys())
                .setParameter("ev", sharing.evaluations()).setParameter("id", id).executeUpdate();
        em.createNativeQuery("delete from collaboration_member where collaboration_id = :c").setParameter("c", id).executeUpdate();
        em.createNativeQuery("delete from collaboration_area where collaboration_id = :c").setParameter("c", id).executeUpdate();
        insertMembersAndAreas(id, members, areas);
        CollaborationView after = get(id);
        audit.record(KIND, id.toString(), "updated", before, after, change.reason());
        return after;
    }

    /** Ends the collaboration on a day (today when none is given), with the reason: from the day after, no signals. */
    @Transactional(TxType.REQUIRED)
    public CollaborationView end(UUID id, String ifMatch, CollaborationEnd end) {
        access.requireWritable(id);
        CollaborationView before = lock(id);
        Versions.require(ifMatch, before.version(), "collaboration");
        LocalDate today = LocalDate.now(ActionService.ZONE);
        if (before.endReason() != null || (before.endDate() != null && before.endDate().isBefore(today))) {
            throw ProblemException.conflict("The collaboration has ended already (" + before.endDate() + ").");
        }
        LocalDate last = end.endDate() == null ? today : end.endDate();
        if (last.isBefore(before.startDate())) {
            throw ProblemException.invalid("endDate", "must not be before the start date " + before.startDate());
        }
        em.createNativeQuery("update collaboration set end_date = :end, end_reason = :r, version = version + 1 where id = :id")
                .setParameter("end", last).setParameter("r", end.reason().strip()).setParameter("id", id).executeUpdate();
        CollaborationView after = get(id);
        audit.record(KIND, id.toString(), "ended", before, after, end.reason().strip());
        return after;
    }

    public Page<AuditEntry> history(UUID id, PageRequest page) {
        access.requireVisible(id);
        return audit.history(KIND, id.toString(), page);
    }

    private CollaborationView lock(UUID id) {
        em.createNativeQuery("select 1 from collaboration where id = :id for update").setParameter("id", id).getResultList();
        return get(id);
    }
}
