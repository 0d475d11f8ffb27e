package nl.leefbaarheid.partner.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional.TxType;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import nl.leefbaarheid.partner.api.AgreementView;
import nl.leefbaarheid.partner.api.NewAgreement;
import nl.leefbaarheid.partner.api.NewProgress;
import nl.leefbaarheid.platform.paging.Page;
import nl.leefbaarheid.platform.paging.PageRequest;
import nl.leefbaarheid.platform.problem.ProblemException;

/**
 * Performance agreements per municipality and year with their progress (workshops: {@link WorkshopService}). A partner
 * sees the agreements of its own municipality only.
 */
@ApplicationScoped
@Transactional(TxType.SUPPORTS)
public class AgreementService {

    @Inject
    EntityManager em;

    @Inject
    PartnerAccess access;

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

    private void requireOrganisation(String field, String id) {
        if (em.createNativeQuery("select 1 from organisation where id = :o").setParameter("o", id).getResultList().isEmpty()) {
            throw ProblemException.invalid(field, "no partner organisation " + id);
        }
    }
}
