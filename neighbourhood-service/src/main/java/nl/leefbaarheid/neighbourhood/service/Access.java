package nl.leefbaarheid.neighbourhood.service;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.sql.Array;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import nl.leefbaarheid.neighbourhood.entity.HousingComplex;
import nl.leefbaarheid.platform.security.Caller;
import nl.leefbaarheid.platform.sql.SqlRows;

/**
 * Whose restricted figures (complexes, tenant surveys, own reports) the caller may see: the admin all of them; a
 * corporation its own and those of the corporations that share theirs with it; a partner organisation those of the
 * corporations that share theirs with it. Public figures (Leefbaarometer, CBS-based resilience) are for every role.
 * Registering a complex somewhere gives a corporation no one else's figures.
 */
@RequestScoped
public class Access {

    /** The corporations that share their figures with an organisation (or corporation): one parameter, its id. */
    static final String SHARING = "array(select corporation_id from data_share where organisation_id = ?)";

    @Inject
    Caller caller;

    @Inject
    DataSource dataSource;

    private Set<String> corporations;

    /**
     * The corporations whose restricted figures the caller may see; null for the admin (all of them). Asked once per
     * request; a status read asks it in the same query as the stamp of the status ({@link #sharing}).
     */
    public Set<String> corporations() {
        if (caller.isAdmin()) {
            return null;
        }
        if (corporations == null) {
            Optional<String> receiver = receiver();
            corporations = receiver.isEmpty() ? Set.of() : with(query("select " + SHARING, List.of(receiver.get()),
                    r -> sharing(r.getArray(1))).get(0));
        }
        return corporations;
    }

    /**
     * The caller's shares as an SQL expression (an array of corporation ids) and its parameters, for a query that reads
     * them beside what it reads; empty when there is nothing to ask (the admin, a caller without tenant, or asked before).
     * Its answer goes to {@link #sharedBy}.
     */
    Optional<List<String>> sharing() {
        return caller.isAdmin() || corporations != null ? Optional.empty() : receiver().map(List::of);
    }

    /** What the query of {@link #sharing} answered. */
    void sharedBy(Array corporations) throws SQLException {
        this.corporations = with(sharing(corporations));
    }

    /**
     * Whose tenant figures the caller may see, as an SQL expression (an array of corporation ids) and its parameters, for
     * a query that reads them itself: a ranking orders by what the caller sees in one round trip. Null for the admin.
     */
    Visible visible() {
        if (caller.isAdmin()) {
            return null;
        }
        if (corporations != null) {
            return new Visible("cast(? as varchar[])", List.of((Object) corporations.toArray(String[]::new)));
        }
        String[] own = caller.corporationId().stream().toArray(String[]::new);
        return receiver().map(id -> new Visible(SHARING + " || cast(? as varchar[])", List.<Object>of(id, own)))
                .orElse(new Visible("cast(? as varchar[])", List.of((Object) own)));
    }

    /** An SQL expression (one of the fixed texts above, never built from input) and the values of its parameters. */
    record Visible(String sql, List<Object> parameters) {
    }

    /** The id that shares name: the corporation's or the partner organisation's. */
    private Optional<String> receiver() {
        return caller.corporationId().or(caller::organisationId);
    }

    private static Set<String> sharing(Array array) throws SQLException {
        return Set.of((String[]) array.getArray());
    }

    /** The sharing corporations and the caller's own corporation. */
    private Set<String> with(Set<String> sharing) {
        Set<String> all = new TreeSet<>(sharing);
        caller.corporationId().ifPresent(all::add);
        return Set.copyOf(all);
    }

    public boolean mayReadCorporation(String corporationId) {
        Set<String> allowed = corporations();
        return allowed == null || allowed.contains(corporationId);
    }

    /** Whether the caller is the admin or a corporation with a complex of its own in this neighbourhood (one that counts today). */
    public boolean ownsComplexIn(String neighbourhoodCode) {
        return caller.isAdmin() || caller.corporationId().map(corporation -> query(
                "select exists (select 1 from housing_complex where neighbourhood_code = ? and corporation_id = ? and "
                        + HousingComplex.CURRENT + ")",
                List.of(neighbourhoodCode, corporation), r -> r.getBoolean(1)).get(0)).orElse(false);
    }

    /** Writes of restricted figures: the admin for any corporation, a corporation for itself. */
    public boolean mayWriteCorporation(String corporationId) {
        return caller.isAdmin() || caller.corporationId().map(corporationId::equals).orElse(false);
    }

    private <T> List<T> query(String sql, List<String> parameters, SqlRows.Row<T> row) {
        try (var connection = dataSource.getConnection()) {
            return SqlRows.query(connection, sql, parameters, row);
        } catch (SQLException e) {
            throw new IllegalStateException("reading whose figures the caller may see failed", e);
        }
    }
}
