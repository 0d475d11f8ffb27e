package nl.leefbaarheid.evaluation.service;

import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.util.UUID;
import nl.leefbaarheid.evaluation.api.MeasurementView;
import nl.leefbaarheid.evaluation.entity.Measurement;
import nl.leefbaarheid.platform.audit.Audit;
import nl.leefbaarheid.platform.audit.AuditEntry;
import nl.leefbaarheid.platform.paging.Page;
import nl.leefbaarheid.platform.paging.PageRequest;
import nl.leefbaarheid.platform.problem.ProblemException;
import nl.leefbaarheid.platform.security.Caller;

/**
 * Measurements read back: a corporation reads its own (those of its deployments are its own), the admin all of them;
 * anyone else gets 404 for one, so that its existence is not disclosed.
 */
@ApplicationScoped
@Transactional(TxType.SUPPORTS)
public class MeasurementQueries {

    /** The record kind of measurements in the audit trail. */
    public static final String KIND = "measurement";

    @Inject
    Caller caller;

    @Inject
    Audit audit;

    /** What a list is filtered by; every part may be null (any). */
    public record Filter(String areaCode, String complexId, UUID deploymentId, String indicator, String period, String sourceSystem,
            String sourceBatch, Boolean withdrawn) {
    }

    public Page<MeasurementView> list(Filter filter, PageRequest page) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters parameters = new Parameters();
        if (!caller.isAdmin()) {
            where.append(" and corporationId = :corporation");
            parameters.and("corporation", caller.corporationId().orElse(""));
        }
        and(where, parameters, "areaCode", filter.areaCode());
        and(where, parameters, "complexId", filter.complexId());
        and(where, parameters, "deploymentId", filter.deploymentId());
        and(where, parameters, "indicator", filter.indicator());
        and(where, parameters, "period", filter.period());
        and(where, parameters, "sourceSystem", filter.sourceSystem());
        and(where, parameters, "sourceBatch", filter.sourceBatch());
        if (filter.withdrawn() != null) {
            where.append(filter.withdrawn() ? " and withdrawnAt is not null" : " and withdrawnAt is null");
        }
        return Page.of(Measurement.find(where + " order by recordedAt desc, id", parameters), page, MeasurementView::of);
    }

    private static void and(StringBuilder where, Parameters parameters, String field, Object value) {
        if (value != null) {
            where.append(" and ").append(field).append(" = :").append(field);
            parameters.and(field, value);
        }
    }

    public Measurement get(UUID id) {
        return visible(id, LockModeType.NONE);
    }

    /** The measurement's changes, newest first, for whoever may read the measurement. */
    public Page<AuditEntry> history(UUID id, PageRequest page) {
        visible(id, LockModeType.NONE);
        return audit.history(KIND, id.toString(), page);
    }

    /** The measurement if the caller may read and change it (the admin, or its corporation); else 404. */
    Measurement visible(UUID id, LockModeType lock) {
        Measurement measurement = Measurement.findById(id, lock);
        if (measurement == null || !(caller.isAdmin() || caller.corporationId().map(measurement.corporationId::equals).orElse(false))) {
            throw ProblemException.notFound("measurement", id);
        }
        return measurement;
    }
}
