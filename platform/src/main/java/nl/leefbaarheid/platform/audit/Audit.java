package nl.leefbaarheid.platform.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.Arc;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import nl.leefbaarheid.platform.paging.Page;
import nl.leefbaarheid.platform.paging.PageRequest;
import nl.leefbaarheid.platform.security.Caller;
import nl.leefbaarheid.platform.security.Roles;
import nl.leefbaarheid.platform.sql.SqlRows;

/**
 * The audit trail of a service, kept in its own {@code audit_entry} table: every change of a record, with who made it (the
 * bearer token's subject, role and tenant), when, the record before and after (personal data masked, see {@link Personal})
 * and the reason given. Written in the transaction of the change, so an entry exists if and only if the change does. Read
 * per record ({@link #history}; the owning service decides who may) and across records by the admin ({@link AuditResource}).
 */
@ApplicationScoped
public class Audit {

    /** The subject of changes no caller asked for (a consumer's, a scheduler's). */
    public static final String SYSTEM = "(system)";

    static final String INSERT = """
            insert into audit_entry (record_kind, record_id, action, actor_subject, actor_role, actor_organisation, recorded_at,
                                     reason, changes, before_state, after_state)
            select k, i, a, ?, ?, ?, ?::timestamptz, r, cast(c as jsonb), cast(b as jsonb), cast(f as jsonb)
              from unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::text[], ?::text[], ?::text[])
                   with ordinality as x(k, i, a, r, c, b, f, n)
             order by n""";

    static final String COLUMNS = "id, record_kind, record_id, action, actor_subject, actor_role, actor_organisation, recorded_at,"
            + " reason, cast(changes as text), cast(before_state as text), cast(after_state as text)";

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    /** Request scoped: asked only while a request is active. */
    @Inject
    Caller caller;

    private AuditSnapshots snapshots;

    @PostConstruct
    void snapshots() {
        snapshots = new AuditSnapshots(json);
    }

    /**
     * A change of one record.
     *
     * @param recordKind what kind of record, e.g. {@code measurement}
     * @param recordId   its id
     * @param action     what was done, e.g. {@code recorded}, {@code corrected}, {@code withdrawn}
     * @param before     the record before (null for a creation), as any object Jackson writes
     * @param after      the record after (null for a deletion)
     * @param reason     the reason the caller gave, or null
     */
    public record Change(String recordKind, String recordId, String action, Object before, Object after, String reason) {
    }

    /** Records one change, by the current caller, in the caller's transaction. */
    @Transactional(TxType.MANDATORY)
    public void record(String recordKind, String recordId, String action, Object before, Object after, String reason) {
        recordAll(List.of(new Change(recordKind, recordId, action, before, after, reason)));
    }

    /** Records the changes, in this order, with one statement. */
    @Transactional(TxType.MANDATORY)
    public void recordAll(List<Change> changes) {
        if (changes.isEmpty()) {
            return;
        }
        int n = changes.size();
        String[][] columns = new String[7][n]; // kind, id, action, reason, changes, before, after
        for (int i = 0; i < n; i++) {
            Change change = changes.get(i);
            columns[0][i] = change.recordKind();
            columns[1][i] = change.recordId();
            columns[2][i] = change.action();
            AuditSnapshots.Snapshot snapshot = snapshots.of(change.before(), change.after());
            columns[3][i] = change.reason();
            columns[4][i] = write(snapshot.changes());
            columns[5][i] = write(snapshot.before());
            columns[6][i] = write(snapshot.after());
        }
        AuditEntry.Actor actor = actor();
        List<Object> parameters = new ArrayList<>(Arrays.asList(actor.subject(), actor.role(), actor.organisation(),
                OffsetDateTime.now(ZoneOffset.UTC)));
        parameters.addAll(Arrays.asList((Object[]) columns));
        SqlRows.update(em, INSERT, parameters);
    }

    /** The changes of one record, newest first. Whether the caller may read the record is the owning service's to decide. */
    @Transactional(TxType.SUPPORTS)
    public Page<AuditEntry> history(String recordKind, String recordId, PageRequest paging) {
        return search(new Filter(recordKind, recordId, null, null, null, null), paging);
    }

    /** What to look for: every part may be null (any). */
    public record Filter(String recordKind, String recordId, String actor, String organisation, OffsetDateTime from,
            OffsetDateTime to) {
    }

    /** The changes that match, newest first. */
    @Transactional(TxType.SUPPORTS)
    public Page<AuditEntry> search(Filter filter, PageRequest paging) {
        String where = " where (cast(? as varchar) is null or record_kind = ?) and (cast(? as varchar) is null or record_id = ?)"
                + " and (cast(? as varchar) is null or actor_subject = ?) and (cast(? as varchar) is null or actor_organisation = ?)"
                + " and (cast(? as timestamptz) is null or recorded_at >= ?) and (cast(? as timestamptz) is null or recorded_at < ?)";
        List<Object> parameters = Arrays.asList(filter.recordKind(), filter.recordKind(), filter.recordId(), filter.recordId(),
                filter.actor(), filter.actor(), filter.organisation(), filter.organisation(), filter.from(), filter.from(),
                filter.to(), filter.to());
        long total = SqlRows.query(em, "select count(*) from audit_entry" + where, parameters, row -> row.getLong(1)).get(0);
        List<Object> paged = new ArrayList<>(parameters);
        paged.add(paging.size);
        paged.add((long) paging.page * paging.size);
        return Page.of(SqlRows.query(em, "select " + COLUMNS + " from audit_entry" + where + " order by id desc limit ? offset ?",
                paged, this::entry), total, paging);
    }

    /** The current caller, from its bearer token; {@link #SYSTEM} outside a request. */
    private AuditEntry.Actor actor() {
        if (!Arc.container().requestContext().isActive()) {
            return new AuditEntry.Actor(SYSTEM, null, null);
        }
        if (caller.isAdmin()) {
            return new AuditEntry.Actor(caller.name(), Roles.ADMIN, null);
        }
        if (caller.corporationId().isPresent()) {
            return new AuditEntry.Actor(caller.name(), Roles.CORPORATION, caller.corporationId().get());
        }
        return new AuditEntry.Actor(caller.name(), caller.organisationId().isPresent() ? Roles.PARTNER : null,
                caller.organisationId().orElse(null));
    }

    private AuditEntry entry(ResultSet row) throws SQLException {
        return new AuditEntry(row.getLong(1), row.getString(2), row.getString(3), row.getString(4),
                new AuditEntry.Actor(row.getString(5), row.getString(6), row.getString(7)), row.getObject(8, OffsetDateTime.class),
                row.getString(9), read(row.getString(10), new TypeReference<List<String>>() { }),
                read(row.getString(11), new TypeReference<JsonNode>() { }), read(row.getString(12), new TypeReference<JsonNode>() { }));
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return text == null ? null : json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an audit entry is unreadable", e);
        }
    }

    private String write(Object value) {
        try {
            return value == null ? null : json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an audited state cannot be written as JSON", e);
        }
    }
}
