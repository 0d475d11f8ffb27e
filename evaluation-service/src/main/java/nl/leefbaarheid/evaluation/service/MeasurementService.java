package nl.leefbaarheid.evaluation.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional.TxType;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import nl.leefbaarheid.evaluation.api.ComplexReference;
import nl.leefbaarheid.evaluation.api.MeasurementInput;
import nl.leefbaarheid.evaluation.api.MeasurementView;
import nl.leefbaarheid.evaluation.api.NewDeployment;
import nl.leefbaarheid.evaluation.api.RecordedMeasurements;
import nl.leefbaarheid.evaluation.domain.DeploymentStatus;
import nl.leefbaarheid.evaluation.domain.Period;
import nl.leefbaarheid.evaluation.domain.RegistryYear;
import nl.leefbaarheid.evaluation.domain.Slot;
import nl.leefbaarheid.evaluation.entity.Deployment;
import nl.leefbaarheid.evaluation.entity.Measurement;
import nl.leefbaarheid.evaluation.event.MeasurementRecorded;
import nl.leefbaarheid.platform.audit.Audit;
import nl.leefbaarheid.platform.outbox.Outbox;
import nl.leefbaarheid.platform.problem.Problem.FieldError;
import nl.leefbaarheid.platform.problem.ProblemException;
import nl.leefbaarheid.platform.security.Caller;
import org.hibernate.Session;

/**
 * Records measurements, one or thousands at a time, all or nothing; each stored measurement goes to
 * {@code evaluation.measurements.v1} through the outbox, keyed by area so that order per area holds, and into the audit trail.
 */
@ApplicationScoped
public class MeasurementService {

    static final Pattern NEIGHBOURHOOD = Pattern.compile(NewDeployment.NEIGHBOURHOOD);
    public static final String COMPLEX_ID_PATTERN = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";
    static final Pattern COMPLEX_ID = Pattern.compile(COMPLEX_ID_PATTERN);
    static final Set<String> INSTRUMENTS = Set.of("survey", "inspection", "counts", "leefbaarometer");
    static final int MAX_LISTED_ERRORS = 200;

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @Inject
    Outbox outbox;

    @Inject
    Caller caller;

    @Inject
    DeploymentService deployments;

    @Inject
    Idempotency idempotency;

    @Inject
    ReferenceData reference;

    @Inject
    Audit audit;

    /** Records the measurements, or answers as before when the idempotency key was seen with the same request. */
    @Transactional(TxType.REQUIRED)
    public Idempotency.Answer record(List<MeasurementInput> inputs, String idempotencyKey) {
        // the request as the idempotency key remembers it: written only when there is a key (a batch is up to 10,000 rows)
        String requestBody = idempotencyKey == null ? null : write(inputs);
        String who = caller.name() + "/" + caller.corporationId().orElse("-");
        if (idempotencyKey != null) {
            var previous = idempotency.previous(who, idempotencyKey, requestBody);
            if (previous.isPresent()) {
                return previous.get();
            }
        }
        List<Measurement> checked = check(inputs);
        Instant now = Instant.now();
        insertAll(checked, now, idempotencyKey);
        List<UUID> ids = new ArrayList<>();
        List<Outbox.Event> events = new ArrayList<>();
        List<Audit.Change> changes = new ArrayList<>();
        for (Measurement m : checked) {
            ids.add(m.id);
            m.recordedAt = now;
            m.idempotencyKey = idempotencyKey;
            changes.add(new Audit.Change(MeasurementQueries.KIND, m.id.toString(), "recorded", null, MeasurementView.of(m), null));
            events.add(new Outbox.Event(MeasurementRecorded.TOPIC, m.areaCode, MeasurementRecorded.TYPE, m.areaCode, new MeasurementRecorded(m.id,
                    m.areaCode, m.complexId, m.indicator, m.value.doubleValue(), m.period, m.measuredOn, m.respondents,
                    m.instrument, m.deploymentId, m.slot == null ? null : m.slot.code(), m.corporationId, now)));
        }
        outbox.addAll(events);
        audit.recordAll(changes);
        Idempotency.Answer answer = new Idempotency.Answer(201, write(new RecordedMeasurements(ids.size(), ids)));
        if (idempotencyKey != null) {
            idempotency.remember(who, idempotencyKey, requestBody, answer);
        }
        return answer;
    }

    /**
     * Stores the measurements with one statement, their columns sent as arrays: a batch of 10,000 is one round trip, and
     * none of them is kept in the persistence context until the commit (nothing in this transaction reads them back).
     */
    private void insertAll(List<Measurement> measurements, Instant recordedAt, String idempotencyKey) {
        int n = measurements.size();
        Object[][] columns = { new UUID[n], new String[n], new String[n], new String[n], new BigDecimal[n], new String[n],
                new Date[n], new Integer[n], new String[n], new String[n], new UUID[n], new String[n], new String[n], new String[n] };
        for (int i = 0; i < n; i++) {
            Measurement m = measurements.get(i);
            Object[] row = { m.id, m.areaCode, m.complexId, m.indicator, m.value, m.period,
                    m.measuredOn == null ? null : Date.valueOf(m.measuredOn), m.respondents, m.instrument, m.sourceSystem,
                    m.deploymentId, m.slot == null ? null : m.slot.name(), m.corporationId, m.sourceBatch };
            for (int c = 0; c < row.length; c++) {
                columns[c][i] = row[c];
            }
        }
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                insert.setObject(1, OffsetDateTime.ofInstant(recordedAt, ZoneOffset.UTC));
                insert.setString(2, idempotencyKey);
                for (int c = 0; c < columns.length; c++) {
                    insert.setArray(c + 3, connection.createArrayOf(INSERT_TYPES[c], columns[c]));
                }
                insert.executeUpdate();
            }
        });
    }

    static final String INSERT = """
            insert into measurement (recorded_at, idempotency_key, id, area_code, complex_id, indicator, value, period, measured_on,
                                     respondents, instrument, source_system, deployment_id, slot, corporation_id, source_batch)
            select ?::timestamptz, ?, x.*
              from unnest(?::uuid[], ?::varchar[], ?::varchar[], ?::varchar[], ?::numeric[], ?::varchar[], ?::date[], ?::integer[],
                          ?::varchar[], ?::varchar[], ?::uuid[], ?::varchar[], ?::varchar[], ?::varchar[]) as x""";

    /** The SQL types of the arrays of {@link #INSERT}, in order. */
    private static final String[] INSERT_TYPES = { "uuid", "varchar", "varchar", "varchar", "numeric", "varchar", "date", "integer",
            "varchar", "varchar", "uuid", "varchar", "varchar", "varchar" };

    /**
     * Every row checked; any error refuses the whole request and names every bad row. The area registry, the complexes and
     * the kapstok are neighbourhood-service's (ReferenceData), and the rules are those it applies when the measurement
     * reaches it (Period, RegistryYear): what it would refuse later is refused here, at once.
     */
    List<Measurement> check(List<MeasurementInput> inputs) {
        Map<String, ReferenceData.Scale> scales = reference.scales();
        ReferenceData.AreaYears areas = reference.areaYears(inputs.stream()
                .filter(in -> in != null && in.areaCode() != null && NEIGHBOURHOOD.matcher(in.areaCode()).matches())
                .map(MeasurementInput::areaCode).toList());
        Map<String, Optional<ComplexReference>> complexCache = new HashMap<>();
        Map<UUID, Deployment> deploymentCache = new HashMap<>();
        Map<UUID, List<String>> comparisonCache = new HashMap<>();
        Map<UUID, List<String>> plannedCache = new HashMap<>();
        List<FieldError> errors = new ArrayList<>();
        int refusedLater = 0; // of the errors, those of well-formed measurements that neighbourhood-service would refuse
        List<Measurement> measurements = new ArrayList<>();
        LocalDate today = Period.today();
        boolean admin = caller.isAdmin();
        String own = caller.corporationId().orElse(null); // the caller's, once: not again for each of thousands of rows
        for (int i = 0; i < inputs.size(); i++) {
            MeasurementInput in = inputs.get(i);
            String at = inputs.size() == 1 ? "" : "measurements[" + i + "].";
            int before = errors.size();
            if (in == null) {
                errors.add(new FieldError("measurements[" + i + "]", "must not be null"));
                continue;
            }
            if (in.areaCode() == null || !NEIGHBOURHOOD.matcher(in.areaCode()).matches()) {
                errors.add(new FieldError(at + "areaCode", "must be a neighbourhood code such as BU09990101"));
            }
            ReferenceData.Scale scale = in.indicator() == null ? null : scales.get(in.indicator());
            if (scale == null) {
                errors.add(new FieldError(at + "indicator", in.indicator() == null ? "is required" : "'" + in.indicator() + "' is not an indicator of the kapstok"));
                refusedLater += in.indicator() == null ? 0 : 1;
            }
            if (in.value() == null || in.value().isNaN() || in.value().isInfinite()) {
                errors.add(new FieldError(at + "value", "is required and must be a number"));
            } else if (scale != null && !scale.accepts(in.value())) {
                errors.add(new FieldError(at + "value", in.value() + " is outside the scale " + text(scale.min()) + " to " + text(scale.max())));
                refusedLater++;
            }
            Optional<String> periodProblem = Period.problem(in.period(), today);
            periodProblem.ifPresent(problem -> errors.add(new FieldError(at + "period", problem)));
            refusedLater += periodProblem.isPresent() && Period.start(in.period()).isPresent() ? 1 : 0; // well formed, out of bounds
            if (in.areaCode() != null && NEIGHBOURHOOD.matcher(in.areaCode()).matches() && periodProblem.isEmpty()) {
                int year = Period.start(in.period()).orElseThrow().getYear();
                if (!RegistryYear.counts(areas.registry(in.areaCode()), areas.of(in.areaCode()), year)) {
                    errors.add(new FieldError(at + "areaCode", RegistryYear.unknown(in.areaCode(), areas.registry(in.areaCode()), year)));
                    refusedLater++;
                }
            }
            if (in.measuredOn() != null && in.measuredOn().isAfter(today)) {
                errors.add(new FieldError(at + "measuredOn", "must not be in the future"));
            }
            if (in.respondents() != null && in.respondents() < 0) {
                errors.add(new FieldError(at + "respondents", "must not be negative"));
            }
            if (in.instrument() != null && !INSTRUMENTS.contains(in.instrument())) {
                errors.add(new FieldError(at + "instrument", "must be one of survey, inspection, counts, leefbaarometer"));
            }
            if (in.sourceSystem() != null && in.sourceSystem().length() > 120) {
                errors.add(new FieldError(at + "sourceSystem", "must be at most 120 characters"));
            }
            if (in.sourceBatch() != null && (in.sourceBatch().isBlank() || in.sourceBatch().length() > 120)) {
                errors.add(new FieldError(at + "sourceBatch", "must be 1 to 120 characters"));
            }
            if (in.complexId() != null && !COMPLEX_ID.matcher(in.complexId()).matches()) {
                errors.add(new FieldError(at + "complexId", "must be the corporation's complex id"));
            }
            String corporation = corporation(in, admin, own, at, errors);
            Deployment deployment = null;
            if (in.slot() != null && in.deploymentId() == null) {
                errors.add(new FieldError(at + "deploymentId", "is required with a slot"));
            }
            if (in.deploymentId() != null) {
                deployment = deploymentCache.computeIfAbsent(in.deploymentId(), id -> Deployment.findById(id));
                if (deployment == null || !(admin || deployment.corporationId.equals(corporation))) {
                    errors.add(new FieldError(at + "deploymentId", "no deployment " + in.deploymentId() + " of your corporation"));
                    deployment = null;
                } else if (deployment.status == DeploymentStatus.COMPLETED || deployment.status == DeploymentStatus.STOPPED) {
                    errors.add(new FieldError(at + "deploymentId", "the deployment has ended; its measurements are closed"));
                } else {
                    List<String> comparison = comparisonCache.computeIfAbsent(deployment.id, deployments::comparisonAreas);
                    if (in.areaCode() != null && NEIGHBOURHOOD.matcher(in.areaCode()).matches()
                            && !in.areaCode().equals(deployment.areaCode) && !comparison.contains(in.areaCode())) {
                        errors.add(new FieldError(at + "areaCode", "is neither the deployment's area nor one of its comparison areas"));
                    }
                    List<String> planned = plannedCache.computeIfAbsent(deployment.id, id -> deployments.method(deploymentCache.get(id)).indicators());
                    if (in.slot() != null && in.slot() != Slot.MONITORING && in.indicator() != null && !planned.contains(in.indicator())) {
                        errors.add(new FieldError(at + "indicator", "is not in the deployment's measurement plan: " + String.join(", ", planned)));
                    }
                }
            }
            String owner = deployment != null ? deployment.corporationId : corporation;
            if (in.complexId() != null && owner != null && COMPLEX_ID.matcher(in.complexId()).matches()) {
                Optional<ComplexReference> complex = complexCache.computeIfAbsent(owner + "/" + in.complexId(),
                        k -> reference.complex(owner, in.complexId()));
                Optional<String> outsideTenure = complex.isEmpty() || periodProblem.isPresent() ? Optional.empty()
                        : complex.get().tenure().problem(in.complexId(), Period.start(in.period()).orElseThrow());
                if (complex.isEmpty()) {
                    errors.add(new FieldError(at + "complexId", "no complex " + in.complexId() + " of corporation " + owner));
                    refusedLater++;
                } else if (!complex.get().neighbourhoodCode().equals(in.areaCode())) {
                    errors.add(new FieldError(at + "areaCode", "complex " + in.complexId() + " lies in " + complex.get().neighbourhoodCode()));
                    refusedLater++;
                } else if (outsideTenure.isPresent()) {
                    errors.add(new FieldError(at + "complexId", outsideTenure.get()));
                    refusedLater++;
                }
            }
            if (errors.size() > before) {
                continue;
            }
            Measurement m = new Measurement();
            m.id = UUID.randomUUID();
            m.areaCode = in.areaCode();
            m.complexId = in.complexId();
            m.indicator = in.indicator();
            m.value = BigDecimal.valueOf(in.value());
            m.period = in.period();
            m.measuredOn = in.measuredOn();
            m.respondents = in.respondents();
            m.instrument = in.instrument();
            m.sourceSystem = in.sourceSystem();
            m.sourceBatch = in.sourceBatch();
            m.deploymentId = in.deploymentId();
            m.slot = in.slot() == null && in.deploymentId() != null ? Slot.MONITORING : in.slot();
            m.corporationId = owner;
            measurements.add(m);
        }
        if (!errors.isEmpty()) {
            String detail = (inputs.size() == 1 ? "The measurement has " : "The batch has ") + errors.size() + " error"
                    + (errors.size() == 1 ? "" : "s") + (errors.size() > MAX_LISTED_ERRORS ? " (the first " + MAX_LISTED_ERRORS + " are listed)" : "")
                    + "; nothing was stored.";
            List<FieldError> listed = errors.subList(0, Math.min(errors.size(), MAX_LISTED_ERRORS));
            // well formed, but not what the platform can take (unknown area or complex, kapstok, scale, period): 422
            throw refusedLater == errors.size() ? ProblemException.unprocessable(detail, listed) : ProblemException.invalid(detail, listed);
        }
        return measurements;
    }

    private static String corporation(MeasurementInput in, boolean admin, String own, String at, List<FieldError> errors) {
        if (admin) {
            if (in.corporationId() == null && in.deploymentId() == null) {
                errors.add(new FieldError(at + "corporationId", "is required when an admin records a measurement outside a deployment"));
            }
            return in.corporationId();
        }
        if (in.corporationId() != null && !in.corporationId().equals(own)) {
            errors.add(new FieldError(at + "corporationId", "may only name your own corporation"));
        }
        return own;
    }

    static String text(BigDecimal bound) {
        return bound == null ? "unbounded" : bound.stripTrailingZeros().toPlainString();
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
