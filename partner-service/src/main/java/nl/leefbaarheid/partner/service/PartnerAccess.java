package nl.leefbaarheid.partner.service;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;
import nl.leefbaarheid.platform.problem.ProblemException;
import nl.leefbaarheid.platform.security.Caller;

/**
 * Which collaborations a caller sees: the admin all, a corporation those about its own figures, a partner those
 * it belongs to. Another tenant's collaboration is answered as not found.
 */
@RequestScoped
public class PartnerAccess {

    @Inject
    Caller caller;

    @Inject
    EntityManager em;

    /** A SQL condition on collaboration {@code c} with parameter {@code :who} (see {@link #who()}). */
    public String visibleCondition() {
        if (caller.isAdmin()) {
            return "cast(:who as varchar) is not null";
        }
        if (caller.corporationId().isPresent()) {
            return "c.corporation_id = :who";
        }
        return "exists (select 1 from collaboration_member m where m.collaboration_id = c.id and m.organisation_id = :who)";
    }

    /** The caller as a party of a collaboration: its corporation or its organisation; empty for the admin. */
    public java.util.Optional<String> party() {
        return caller.corporationId().or(caller::organisationId);
    }

    public String who() {
        return caller.isAdmin() ? "" : caller.corporationId().orElse(caller.organisationId().orElse("-"));
    }

    public void requireVisible(UUID collaboration) {
        Number found = (Number) em.createNativeQuery("select count(*) from collaboration c where c.id = :id and " + visibleCondition())
                .setParameter("id", collaboration).setParameter("who", who()).getSingleResult();
        if (found.intValue() == 0) {
            throw ProblemException.notFound("collaboration", collaboration);
        }
    }

    /** Writes to a collaboration: the admin, its corporation, or its coordinator. */
    public void requireWritable(UUID collaboration) {
        requireVisible(collaboration);
        if (caller.isAdmin() || caller.corporationId().isPresent()) {
            return;
        }
        @SuppressWarnings("unchecked")
        List<String> coordinator = em.createNativeQuery("select coordinator_id from collaboration where id = :id")
                .setParameter("id", collaboration).getResultList();
        if (!coordinator.contains(caller.organisationId().orElse(""))) {
            throw ProblemException.forbidden("Only the coordinator, the corporation or an admin changes a collaboration.");
        }
    }

    /**
     * The municipalities whose agreements the caller sees and works on: a partner its organisation's, a corporation
     * those where it is registered or has a collaboration; empty (no limit) for the admin.
     */
    public java.util.Optional<java.util.Set<String>> municipalities() {
        if (caller.isAdmin()) {
            return java.util.Optional.empty();
        }
        @SuppressWarnings("unchecked")
        List<String> rows = caller.corporationId().isPresent()
                ? em.createNativeQuery("select municipality_code from organisation where id = :id"
                        + " union select municipality_code from collaboration where corporation_id = :id")
                        .setParameter("id", caller.corporationId().get()).getResultList()
                : em.createNativeQuery("select municipality_code from organisation where id = :id")
                        .setParameter("id", caller.organisationId().orElse("-")).getResultList();
        return java.util.Optional.of(java.util.Set.copyOf(rows));
    }

    public Caller caller() {
        return caller;
    }
}
