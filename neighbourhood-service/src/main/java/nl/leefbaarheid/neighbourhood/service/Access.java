package nl.leefbaarheid.neighbourhood.service;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import nl.leefbaarheid.platform.security.Caller;
import nl.leefbaarheid.platform.security.Roles;
import nl.leefbaarheid.platform.sql.SqlRows;

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

    @Inject
    DataSource dataSource;

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

    /**
     * Whether the caller may see the tenant figures of an area: a corporation it may read owns complexes there. One
     * query for a corporation or a partner (its shares joined in), as this is asked on every status read.
     */
    public boolean mayReadRestrictedOf(String areaCode) {
        Condition condition = tenantFiguresOf(areaCode);
        return condition == Condition.ALWAYS || condition != Condition.NEVER && exists("select " + condition.sql(), condition.parameters());
    }

    /**
     * {@link #mayReadRestrictedOf} as an SQL condition with its parameters, for a query that asks it beside what it reads:
     * the status read asks it with the stamp of the cached status, in one round trip.
     */
    Condition tenantFiguresOf(String areaCode) {
        if (identity.hasRole(Roles.ADMIN)) {
            return Condition.ALWAYS;
        }
        String prefix = "BU" + areaCode.substring(2) + "%";
        if (caller.corporationId().isPresent()) {
            return new Condition("exists (select 1 from housing_complex where neighbourhood_code like ? and corporation_id = ?)",
                    List.of(prefix, caller.corporationId().get()));
        }
        if (caller.organisationId().isPresent()) {
            return new Condition("""
                    exists (select 1 from housing_complex h join data_share d on d.corporation_id = h.corporation_id
                             where h.neighbourhood_code like ? and d.organisation_id = ?)""", List.of(prefix, caller.organisationId().get()));
        }
        return Condition.NEVER;
    }

    /** An SQL condition (one of the fixed texts above, never built from input) and the values of its parameters, in order. */
    record Condition(String sql, List<String> parameters) {
        static final Condition ALWAYS = new Condition("true", List.of());
        static final Condition NEVER = new Condition("false", List.of());
    }

    private boolean exists(String sql, List<String> parameters) {
        try (Connection connection = dataSource.getConnection()) {
            return SqlRows.query(connection, sql, parameters, r -> r.getBoolean(1)).get(0);
        } catch (SQLException e) {
            throw new IllegalStateException("reading who may see the tenant figures failed", e);
        }
    }

    /** Writes of restricted figures: the admin for any corporation, a corporation for itself. */
    public boolean mayWriteCorporation(String corporationId) {
        return identity.hasRole(Roles.ADMIN) || caller.corporationId().map(corporationId::equals).orElse(false);
    }
}
