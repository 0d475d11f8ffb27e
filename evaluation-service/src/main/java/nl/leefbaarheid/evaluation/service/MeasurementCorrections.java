package nl.leefbaarheid.evaluation.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import nl.leefbaarheid.evaluation.api.MeasurementCorrection;
import nl.leefbaarheid.evaluation.api.MeasurementView;
import nl.leefbaarheid.evaluation.api.MeasurementWithdrawal;
import nl.leefbaarheid.evaluation.api.WithdrawnMeasurements;
import nl.leefbaarheid.evaluation.domain.DeploymentStatus;
import nl.leefbaarheid.evaluation.domain.Period;
import nl.leefbaarheid.evaluation.entity.Deployment;
import nl.leefbaarheid.evaluation.entity.Measurement;
import nl.leefbaarheid.evaluation.event.MeasurementCorrected;
import nl.leefbaarheid.evaluation.event.MeasurementRecorded;
import nl.leefbaarheid.evaluation.event.MeasurementWithdrawn;
import nl.leefbaarheid.platform.audit.Audit;
import nl.leefbaarheid.platform.outbox.Outbox;
import nl.leefbaarheid.platform.problem.Problem.FieldError;
import nl.leefbaarheid.platform.problem.ProblemException;
import nl.leefbaarheid.platform.security.Caller;
import nl.leefbaarheid.platform.web.ETags;

/**
 * Corrects and withdraws measurements, one at a time or a whole batch. Each change raises the measurement's version, goes to
 * {@code evaluation.measurements.v1} through the outbox under the measurement's area (so it follows the measurement's own
 * events) and into the audit trail with its reason. A withdrawn measurement stays, marked, and counts nowhere: not in a
 * deployment's effect, not in neighbourhood-service's status. A measurement of a deployment that has ended is closed, as it
 * is for new measurements: the effect was published as it stood.
 */
@ApplicationScoped
public class MeasurementCorrections {

    static final String IF_MATCH_HINT = "Send the measurement's ETag (from GET /api/v1/measurements/{id}) in If-Match.";

    @Inject
    MeasurementQueries queries;

    @Inject
    ReferenceData reference;

    @Inject
    Outbox outbox;

    @Inject
    Audit audit;

    @Inject
    Caller caller;

    @Inject
    EntityManager em;

    /** Corrects the fields given; the same values again change nothing. */
    @Transactional(TxType.REQUIRED)
    public Measurement correct(UUID id, MeasurementCorrection correction, String ifMatch) {
        Measurement m = queries.visible(id, LockModeType.PESSIMISTIC_WRITE);
        long expected = ETags.requiredVersion(ifMatch, IF_MATCH_HINT);
        notWithdrawn(m);
        current(m, expected);
        check(m, correction);
        BigDecimal value = correction.value() == null ? m.value : BigDecimal.valueOf(correction.value());
        Integer respondents = correction.respondents() == null ? m.respondents : correction.respondents();
        LocalDate measuredOn = correction.measuredOn() == null ? m.measuredOn : correction.measuredOn();
        if (value.compareTo(m.value) == 0 && Objects.equals(respondents, m.respondents) && Objects.equals(measuredOn, m.measuredOn)) {
            return m;
        }
        MeasurementView before = MeasurementView.of(m);
        m.value = value;
        m.respondents = respondents;
        m.measuredOn = measuredOn;
        m.correctedAt = Instant.now();
        em.flush(); // raises the version, which the event carries
        outbox.add(MeasurementRecorded.TOPIC, m.areaCode, MeasurementCorrected.TYPE, m.areaCode, new MeasurementCorrected(m.id,
                m.areaCode, m.complexId, m.indicator, m.value.doubleValue(), m.period, m.measuredOn, m.respondents, m.instrument,
                m.deploymentId, m.slot == null ? null : m.slot.code(), m.corporationId, m.recordedAt, m.version, m.correctedAt));
        audit.record(MeasurementQueries.KIND, m.id.toString(), "corrected", before, MeasurementView.of(m), correction.reason().strip());
        return m;
    }

    /** Withdraws one measurement; {@code ifMatch}, when given, must be its current ETag. */
    @Transactional(TxType.REQUIRED)
    public Measurement withdraw(UUID id, String reason, String ifMatch) {
        Measurement m = queries.visible(id, LockModeType.PESSIMISTIC_WRITE);
        Long expected = ETags.expectedVersion(ifMatch);
        notWithdrawn(m);
        if (expected != null) {
            current(m, expected);
        }
        withdrawAll(List.of(m), reason);
        return m;
    }

    /**
     * Withdraws every measurement recorded with the Idempotency-Key, or with the source batch, in one call: all of them or
     * (when one is closed) none. Those withdrawn before are counted, not withdrawn again.
     */
    @Transactional(TxType.REQUIRED)
    public WithdrawnMeasurements withdrawBatch(MeasurementWithdrawal request) {
        if ((request.idempotencyKey() == null) == (request.sourceBatch() == null)) {
            throw ProblemException.invalid("idempotencyKey", "give either an idempotencyKey or a sourceBatch");
        }
        String corporation = caller.isAdmin() ? request.corporationId() : caller.corporationId().orElse("");
        if (!caller.isAdmin() && request.corporationId() != null && !request.corporationId().equals(corporation)) {
            throw ProblemException.invalid("corporationId", "may only name your own corporation");
        }
        String field = request.idempotencyKey() != null ? "idempotencyKey" : "sourceBatch";
        String key = request.idempotencyKey() != null ? request.idempotencyKey() : request.sourceBatch();
        List<Measurement> batch = (corporation == null ? Measurement.<Measurement>find(field + " = ?1 order by recordedAt, id", key)
                : Measurement.<Measurement>find(field + " = ?1 and corporationId = ?2 order by recordedAt, id", key, corporation))
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
        if (batch.isEmpty()) {
            throw new ProblemException(404, "not-found", "Not found", "No measurements" + (caller.isAdmin() ? "" : " of yours")
                    + " were recorded with " + (field.equals("idempotencyKey") ? "Idempotency-Key" : "sourceBatch") + " '" + key + "'.",
                    List.of());
        }
        Map<UUID, Deployment> deployments = new HashMap<>();
        batch.forEach(m -> open(m, deployments));
        List<Measurement> current = batch.stream().filter(m -> m.withdrawnAt == null).toList();
        withdrawAll(current, request.reason());
        return new WithdrawnMeasurements(current.size(), current.stream().map(m -> m.id).toList(), batch.size() - current.size());
    }

    private void withdrawAll(List<Measurement> measurements, String reason) {
        if (measurements.isEmpty()) {
            return;
        }
        Instant now = Instant.now();
        List<MeasurementView> before = measurements.stream().map(MeasurementView::of).toList();
        measurements.forEach(m -> m.withdrawnAt = now);
        em.flush(); // raises their versions, which the events carry
        List<Outbox.Event> events = new ArrayList<>();
        List<Audit.Change> changes = new ArrayList<>();
        for (int i = 0; i < measurements.size(); i++) {
            Measurement m = measurements.get(i);
            events.add(new Outbox.Event(MeasurementRecorded.TOPIC, m.areaCode, MeasurementWithdrawn.TYPE, m.areaCode,
                    new MeasurementWithdrawn(m.id, m.areaCode, m.complexId, m.indicator, m.period, m.deploymentId, m.corporationId,
                            m.version, m.withdrawnAt)));
            changes.add(new Audit.Change(MeasurementQueries.KIND, m.id.toString(), "withdrawn", before.get(i), MeasurementView.of(m),
                    reason.strip()));
        }
        outbox.addAll(events);
        audit.recordAll(changes);
    }

    /** 409 when the measurement was withdrawn, or when it may not change: see {@link #open}. */
    private static void notWithdrawn(Measurement m) {
        if (m.withdrawnAt != null) {
            throw ProblemException.conflict("Measurement " + m.id + " was withdrawn on " + m.withdrawnAt + "; it cannot change any more.");
        }
        open(m, new HashMap<>());
    }

    /** 409 when the measurement's deployment has ended (the deployments read so far are in {@code deployments}). */
    private static void open(Measurement m, Map<UUID, Deployment> deployments) {
        Deployment deployment = m.deploymentId == null ? null : deployments.computeIfAbsent(m.deploymentId, id -> Deployment.findById(id));
        if (deployment != null && (deployment.status == DeploymentStatus.COMPLETED || deployment.status == DeploymentStatus.STOPPED)) {
            throw ProblemException.conflict("Measurement " + m.id + " belongs to deployment " + deployment.id + ", which has ended ("
                    + deployment.status.name().toLowerCase() + "); its measurements are closed.");
        }
    }

    /** 412 when the measurement changed since the caller read it. */
    private static void current(Measurement m, long expected) {
        if (expected != m.version) {
            throw ProblemException.preconditionFailed("Measurement " + m.id + " was changed since you read it (ETag \"" + m.version
                    + "\"); read it again and repeat your correction.");
        }
    }

    /** 400 for nothing to correct or a date in the future; 422 for a value off the indicator's scale. */
    private void check(Measurement m, MeasurementCorrection correction) {
        if (correction.value() == null && correction.respondents() == null && correction.measuredOn() == null) {
            throw ProblemException.invalid("value", "give the value, respondents or measuredOn to correct");
        }
        if (correction.value() != null && (correction.value().isNaN() || correction.value().isInfinite())) {
            throw ProblemException.invalid("value", "must be a number");
        }
        if (correction.measuredOn() != null && correction.measuredOn().isAfter(Period.today())) {
            throw ProblemException.invalid("measuredOn", "must not be in the future");
        }
        ReferenceData.Scale scale = reference.scales().get(m.indicator);
        if (correction.value() != null && scale != null && !scale.accepts(correction.value())) {
            throw ProblemException.unprocessable("The correction has 1 error; nothing was changed.", List.of(new FieldError("value",
                    correction.value() + " is outside the scale " + MeasurementService.text(scale.min()) + " to "
                            + MeasurementService.text(scale.max()))));
        }
    }
}
