package nl.leefbaarheid.partner.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional.TxType;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import nl.leefbaarheid.partner.api.CollaborationView;
import nl.leefbaarheid.partner.api.NewCollaboration;
import nl.leefbaarheid.platform.paging.Page;
import nl.leefbaarheid.platform.paging.PageRequest;
import nl.leefbaarheid.platform.problem.Problem.FieldError;
import nl.leefbaarheid.platform.problem.ProblemException;

/** Collaborations: who works together where, coordinated by whom, sharing what. */
@ApplicationScoped
@Transactional(TxType.SUPPORTS)
public class CollaborationService {

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
        List<FieldError> errors = new ArrayList<>();
        @SuppressWarnings("unchecked")
        List<String> known = em.createNativeQuery("select id from organisation where id = any(cast(:ids as varchar[]))")
                .setParameter("ids", members.toArray(String[]::new)).getResultList();
        for (int i = 0; i < request.members().size(); i++) {
            if (!known.contains(request.members().get(i))) {
                errors.add(new FieldError("members[" + i + "]", "no partner organisation " + request.members().get(i)));
            }
        }
        if (!known.contains(request.coordinatorId())) {
            errors.add(new FieldError("coordinatorId", "no partner organisation " + request.coordinatorId()));
        }
        for (int i = 0; i < request.areas().size(); i++) {
            if (!request.areas().get(i).substring(2, 6).equals(request.municipalityCode().substring(2))) {
                errors.add(new FieldError("areas[" + i + "]", "lies outside municipality " + request.municipalityCode()));
            }
        }
        if (request.endDate() != null && request.endDate().isBefore(request.startDate())) {
            errors.add(new FieldError("endDate", "must not be before startDate"));
        }
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
        for (String member : members) {
            em.createNativeQuery("insert into collaboration_member values (:c, :o)").setParameter("c", id).setParameter("o", member).executeUpdate();
        }
        for (String area : new LinkedHashSet<>(request.areas())) {
            em.createNativeQuery("insert into collaboration_area values (:c, :a)").setParameter("c", id).setParameter("a", area).executeUpdate();
        }
        return get(id);
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
                       share_surveys, share_evaluations from collaboration where id = :id""").setParameter("id", id).getSingleResult();
        @SuppressWarnings("unchecked")
        List<String> members = em.createNativeQuery("select organisation_id from collaboration_member where collaboration_id = :id order by 1")
                .setParameter("id", id).getResultList();
        @SuppressWarnings("unchecked")
        List<String> areas = em.createNativeQuery("select area_code from collaboration_area where collaboration_id = :id order by 1")
                .setParameter("id", id).getResultList();
        return new CollaborationView((UUID) c[0], (String) c[1], (String) c[2], (String) c[3], (String) c[4], Columns.date(c[5]),
                Columns.date(c[6]), new NewCollaboration.SharingScopeView((Boolean) c[7], (Boolean) c[8], (Boolean) c[9]), members, areas);
    }
}
