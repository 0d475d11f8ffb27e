package nl.leefbaarheid.neighbourhood.service;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import nl.leefbaarheid.neighbourhood.platform.security.Caller;
import nl.leefbaarheid.neighbourhood.platform.security.Roles;

/**
 * Who may see restricted figures (complexes, tenant surveys, own reports): the admin, the corporation that
 * owns them, and the partner organisations that corporation shares them with. Public figures (Leefbaarometer,
 * CBS-based resilience) are for every role.
 */
@RequestScoped
public class Access {

    @Inject
    Caller caller;

    @Inject
    SecurityIdentity identity;

    @Inject
    EntityManager em;

    private List<String> corporations;

    /** The corporations whose restricted figures the caller may see; null for the admin (all of them). */
    public List<String> corporations() {
        if (identity.hasRole(Roles.ADMIN)) {
            return null;
        }
        if (corporations == null) {
            if (caller.corporationId().isPresent()) {
                corporations = List.of(caller.corporationId().get());
            } else if (caller.organisationId().isPresent()) {
                @SuppressWarnings("unchecked")
                List<String> sharing = em.createNativeQuery("select corporation_id from data_share where organisation_id = :o")
                        .setParameter("o", caller.organisationId().get()).getResultList();
                corporations = List.copyOf(sharing);
            } else {
                corporations = List.of();
            }
        }
        return corporations;
    }

    public boolean mayReadCorporation(String corporationId) {
        List<String> allowed = corporations();
        return allowed == null || allowed.contains(corporationId);
    }

    /** Whether the caller may see the tenant figures of an area: a corporation it may read owns complexes there. */
    public boolean mayReadRestrictedOf(String areaCode) {
        List<String> allowed = corporations();
        if (allowed == null) {
            return true;
        }
        if (allowed.isEmpty()) {
            return false;
        }
        String prefix = "BU" + areaCode.substring(2) + "%";
        Number count = (Number) em.createNativeQuery("select count(*) from housing_complex where neighbourhood_code like :p"
                + " and corporation_id = any(cast(:c as varchar[]))")
                .setParameter("p", prefix).setParameter("c", allowed.toArray(String[]::new)).getSingleResult();
        return count.longValue() > 0;
    }

    /** Writes of restricted figures: the admin for any corporation, a corporation for itself. */
    public boolean mayWriteCorporation(String corporationId) {
        return identity.hasRole(Roles.ADMIN) || caller.corporationId().map(corporationId::equals).orElse(false);
    }
}
