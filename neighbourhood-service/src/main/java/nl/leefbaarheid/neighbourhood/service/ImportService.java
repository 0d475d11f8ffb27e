package nl.leefbaarheid.neighbourhood.service;

import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional.TxType;
import jakarta.transaction.Transactional;
import java.io.Reader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import nl.leefbaarheid.neighbourhood.api.ImportResult;
import nl.leefbaarheid.neighbourhood.api.LeefbaarometerImportResult;
import nl.leefbaarheid.neighbourhood.api.LeefbaarometerImportResult.SkippedRows;
import nl.leefbaarheid.neighbourhood.api.LeefbaarometerImportResult.UnknownArea;
import nl.leefbaarheid.neighbourhood.api.LeefbaarometerImportResult.UnknownAreas;
import nl.leefbaarheid.neighbourhood.api.ObservationInput;
import nl.leefbaarheid.neighbourhood.domain.AreaLevel;
import nl.leefbaarheid.neighbourhood.domain.ImportProgress;
import nl.leefbaarheid.neighbourhood.domain.Period;
import nl.leefbaarheid.neighbourhood.domain.Reasons;
import nl.leefbaarheid.neighbourhood.domain.RegistryYear;
import nl.leefbaarheid.neighbourhood.entity.HousingComplex;
import nl.leefbaarheid.neighbourhood.entity.Indicator;
import nl.leefbaarheid.neighbourhood.importing.CsvFile;
import nl.leefbaarheid.neighbourhood.importing.LeefbaarometerCsv;
import nl.leefbaarheid.neighbourhood.service.ObservationStore.NewObservation;
import nl.leefbaarheid.platform.problem.Problem.FieldError;
import nl.leefbaarheid.platform.problem.ProblemException;
import nl.leefbaarheid.platform.sql.SqlRows;
import org.jboss.logging.Logger;

/**
 * Brings observations in: the Leefbaarometer open-data file, generic batches (JSON or CSV) and single
 * measurements from events. Every way in is all or nothing: one bad row refuses the whole input, and the
 * answer names every bad row. Only the Leefbaarometer file skips rows, those that a published file is expected to
 * hold: rows without scores and rows of areas not registered for their year, each named in the answer.
 */
@ApplicationScoped
public class ImportService {

    private static final Logger LOG = Logger.getLogger(ImportService.class);

    static final int MAX_LISTED_ERRORS = 200;
    public static final String LEEFBAROMETER_SOURCE = "leefbaarometer";
    /** A national file with every status recalculated is one transaction: all or nothing. */
    static final int IMPORT_TIMEOUT_SECONDS = 900;
    /** Rows of a Leefbaarometer file checked and copied at a time (some 7,000 observations: small enough to die young). */
    static final int ROWS_PER_CHUNK = 1_000;

    @Inject
    EntityManager em;

    @Inject
    ObservationStore store;

    @Inject
    StatusService statuses;

    @Inject
    Kapstok kapstok;

    /**
     * A Leefbaarometer file of any level, read as it streams in: its observations are copied into the database a thousand
     * rows at a time ({@link ObservationStore#fileLoad}), so the file is never held in memory; of the areas it stores for
     * the first time, the scores are also held compactly for their recalculation ({@link HeldObservations}). Bad lines refuse the
     * file (the transaction, and with it all that was copied, is rolled back); rows without any score and rows of areas
     * not registered for their year are skipped and named in the answer (a published file holds both). In the
     * transaction of the caller ({@link ImportJobs}), which may take {@value #IMPORT_TIMEOUT_SECONDS} seconds.
     */
    @Transactional(TxType.MANDATORY)
    public LeefbaarometerImportResult importLeefbaarometer(Reader csv, ImportProgress progress) {
        long started = System.nanoTime();
        LeefbaarometerCsv.Reading reading = LeefbaarometerCsv.open(csv);
        LeefbaarometerRows rows = new LeefbaarometerRows(store.fileLoad(LEEFBAROMETER_SOURCE));
        List<LeefbaarometerCsv.Row> chunk = new ArrayList<>(ROWS_PER_CHUNK);
        for (LeefbaarometerCsv.Row row = reading.next(); row != null; row = reading.next()) {
            chunk.add(row);
            if (chunk.size() == ROWS_PER_CHUNK) {
                // once the file is refused, only its errors count: nothing is stored
                rows.add(reading.errorCount() == 0 ? chunk : List.of());
                chunk.clear();
                progress.rows(reading.records(), rows.stored);
            }
        }
        rows.add(reading.errorCount() == 0 ? chunk : List.of());
        refuseIf(reading.errors().stream().map(e -> new FieldError("line " + e.line() + (e.column() == null ? "" : " (" + e.column() + ")"),
                e.message())).toList(), reading.errorCount(), "file");
        long read = System.nanoTime();
        rows.known.byCode().clear(); // what the import does next needs the room
        ObservationStore.Changed changed = rows.load.finish();
        progress.rows(reading.records(), rows.stored);
        long stored = System.nanoTime();
        int statusChanges = statuses.recalculate(changed.areaCodes(), Set.of(), Reasons.of("Leefbaarometer import"), progress, rows.held);
        LOG.infof("Leefbaarometer import: %d rows read and copied in %d ms, %d observations stored (%d changed) in %d ms, "
                + "%d areas recalculated (%d statuses changed, districts and municipalities included) in %d ms", reading.records(),
                (read - started) / 1_000_000, rows.observations, changed.observations(), (stored - read) / 1_000_000,
                changed.areaCodes().size(), statusChanges, (System.nanoTime() - stored) / 1_000_000);
        return new LeefbaarometerImportResult(reading.level(), reading.records(), rows.stored, rows.observations, changed.observations(),
                changed.areaCodes().size(), List.copyOf(rows.years), new SkippedRows(reading.emptyRowCount(), List.copyOf(reading.emptyRows())),
                new UnknownAreas(rows.unknownCount, List.copyOf(rows.unknown)));
    }

    /** The rows of a Leefbaarometer file read so far: those of areas registered for their year go into the load. */
    private final class LeefbaarometerRows {
        private final ObservationStore.FileLoad load;
        /** The registry years of the codes read so far; emptied once the file is read. */
        private final AreaYears known = new AreaYears(new HashMap<>());
        private final Set<String> years = new TreeSet<>();
        private final List<UnknownArea> unknown = new ArrayList<>();
        private int unknownCount;
        private int stored;
        private int observations;
        /** The observations of the areas stored first, for their recalculation. */
        private final HeldObservations held = new HeldObservations(LEEFBAROMETER_SOURCE);

        LeefbaarometerRows(ObservationStore.FileLoad load) {
            this.load = load;
        }

        void add(List<LeefbaarometerCsv.Row> rows) {
            known.add(areaYears(rows.stream().map(LeefbaarometerCsv.Row::code).filter(code -> !known.byCode().containsKey(code)).toList()));
            List<NewObservation> chunk = new ArrayList<>(rows.size() * LeefbaarometerCsv.INDICATORS.size());
            for (LeefbaarometerCsv.Row row : rows) {
                if (!RegistryYear.counts(known.registry(row.code()), known.of(row.code()), row.year())) {
                    if (unknownCount++ < LeefbaarometerImportResult.MAX_LISTED) {
                        unknown.add(new UnknownArea(row.line(), row.code(), row.year(),
                                RegistryYear.unknown(row.code(), known.registry(row.code()), row.year())));
                    }
                    continue;
                }
                stored++;
                String period = Integer.toString(row.year());
                years.add(period);
                LocalDate start = LocalDate.of(row.year(), 1, 1);
                for (int i = 0; i < row.values().length; i++) {
                    if (!Double.isNaN(row.values()[i])) {
                        chunk.add(new NewObservation(row.code(), null, null, LeefbaarometerCsv.INDICATORS.get(i), period, start,
                                row.values()[i], row.classValues()[i] == 0 ? null : (int) row.classValues()[i], null, LEEFBAROMETER_SOURCE));
                    }
                }
            }
            Set<String> firsts = load.add(chunk);
            for (NewObservation o : chunk) {
                if (firsts.contains(o.areaCode())) {
                    held.add(o.areaCode(), o.indicator(), o.period(), o.periodStart(), o.value(), o.livabilityClass());
                }
            }
            observations += chunk.size();
        }
    }

    /** A generic batch; {@code callerCorporation} owns restricted figures unless the caller is an admin. */
    @Transactional(TxType.REQUIRED)
    @TransactionConfiguration(timeout = IMPORT_TIMEOUT_SECONDS)
    public ImportResult importBatch(List<ObservationInput> rows, Optional<String> callerCorporation, boolean admin, String source) {
        List<FieldError> errors = new ArrayList<>();
        Checked checked = check(rows, callerCorporation, admin, source, errors);
        refuseIf(errors, "batch");
        ObservationStore.Changed changed = store.store(checked.observations());
        statuses.recalculate(changed.areaCodes(), changed.complexIds(), "Observation batch from " + source);
        return new ImportResult(rows.size(), checked.observations().size(), changed.observations(),
                changed.areaCodes().size() + changed.complexIds().size(), List.copyOf(checked.periods()));
    }

    /** Parses a generic CSV batch: columns area_code, indicator, period, value and optionally complex_id, respondents, source, corporation_id. */
    public List<ObservationInput> parseCsv(String csv) {
        CsvFile file;
        try {
            file = CsvFile.of(csv);
        } catch (CsvFile.Malformed e) {
            throw ProblemException.invalid("line " + e.line(), e.getMessage());
        }
        if (file.header().isEmpty()) {
            throw ProblemException.invalid("line 1", "the file is empty; the first line must name the columns");
        }
        List<String> header = file.header();
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            columns.putIfAbsent(header.get(i).toLowerCase(Locale.ROOT).replace('-', '_'), i);
        }
        List<String> missing = List.of("area_code", "indicator", "period", "value").stream().filter(c -> !columns.containsKey(c)).toList();
        if (!missing.isEmpty()) {
            throw ProblemException.invalid("line 1", "the header lacks column(s) " + String.join(", ", missing));
        }
        List<ObservationInput> rows = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        try {
            for (CsvFile.Record record : file) {
                List<String> f = record.fields();
                if (f.size() < header.size()) {
                    errors.add(new FieldError("line " + record.line(), "has " + f.size() + " fields where the header has " + header.size()));
                    continue;
                }
                try {
                    String respondents = field(f, columns, "respondents");
                    rows.add(new ObservationInput(f.get(columns.get("area_code")), field(f, columns, "complex_id"),
                            f.get(columns.get("indicator")), f.get(columns.get("period")), CsvFile.number(f.get(columns.get("value"))),
                            respondents == null ? null : Integer.valueOf(respondents), field(f, columns, "source"),
                            field(f, columns, "corporation_id")));
                } catch (NumberFormatException e) {
                    errors.add(new FieldError("line " + record.line(), "value or respondents is not a number"));
                }
            }
        } catch (CsvFile.Malformed e) {
            errors.add(new FieldError("line " + e.line(), e.getMessage() + "; the file is not read past this line"));
        }
        refuseIf(errors, "file");
        return rows;
    }

    private static String field(List<String> fields, Map<String, Integer> columns, String name) {
        Integer index = columns.get(name);
        return index == null || fields.get(index).isBlank() ? null : fields.get(index);
    }

    record Checked(List<NewObservation> observations, Set<String> periods) {
    }

    /** Checks rows against the kapstok and the area register; errors are named {@code rows[i].field}. */
    Checked check(List<ObservationInput> rows, Optional<String> callerCorporation, boolean admin, String defaultSource,
            List<FieldError> errors) {
        Map<String, Indicator> indicators = kapstok.indicators();
        AreaYears known = areaYears(rows.stream().map(ObservationInput::areaCode).filter(c -> c != null).toList());
        LocalDate today = Period.today();
        Map<String, Optional<HousingComplex>> complexes = new HashMap<>();
        List<NewObservation> observations = new ArrayList<>();
        Set<String> periods = new TreeSet<>();
        for (int i = 0; i < rows.size(); i++) {
            ObservationInput row = rows.get(i);
            String at = "rows[" + i + "].";
            int before = errors.size();
            if (row == null) {
                errors.add(new FieldError("rows[" + i + "]", "must not be null"));
                continue;
            }
            Indicator indicator = row.indicator() == null ? null : indicators.get(row.indicator());
            if (indicator == null) {
                errors.add(new FieldError(at + "indicator", row.indicator() == null ? "is required" : "'" + row.indicator()
                        + "' is not an indicator of the kapstok"));
            } else if (row.value() != null && !indicator.accepts(row.value())) {
                errors.add(new FieldError(at + "value", row.value() + " is outside the scale " + indicator.scaleText()));
            }
            if (row.value() == null || row.value().isNaN() || row.value().isInfinite()) {
                errors.add(new FieldError(at + "value", "is required and must be a number"));
            }
            Optional<String> periodProblem = Period.problem(row.period(), today);
            periodProblem.ifPresent(problem -> errors.add(new FieldError(at + "period", problem)));
            if (row.respondents() != null && row.respondents() < 0) {
                errors.add(new FieldError(at + "respondents", "must not be negative"));
            }
            if (row.areaCode() == null || AreaLevel.ofCode(row.areaCode()).isEmpty()) {
                errors.add(new FieldError(at + "areaCode", "must be a CBS code such as GM0999, WK099901 or BU09990101"));
            } else if (periodProblem.isEmpty()) {
                int year = Period.start(row.period()).orElseThrow().getYear();
                if (!RegistryYear.counts(known.registry(row.areaCode()), known.of(row.areaCode()), year)) {
                    errors.add(new FieldError(at + "areaCode", RegistryYear.unknown(row.areaCode(), known.registry(row.areaCode()), year)));
                }
            } else if (known.of(row.areaCode()).isEmpty()) {
                errors.add(new FieldError(at + "areaCode", row.areaCode() + " is not a known area"));
            }
            String corporation = admin ? row.corporationId() : callerCorporation.orElse(null);
            if (!admin && row.corporationId() != null && !row.corporationId().equals(corporation)) {
                errors.add(new FieldError(at + "corporationId", "may only name your own corporation"));
            }
            HousingComplex complex = null;
            if (row.complexId() != null) {
                complex = corporation == null ? null : complexes.computeIfAbsent(corporation + "/" + row.complexId(),
                        k -> HousingComplex.find(corporation, row.complexId())).orElse(null);
                if (complex == null) {
                    errors.add(new FieldError(at + "complexId", "no complex " + row.complexId() + " of corporation " + corporation));
                } else if (!complex.neighbourhoodCode.equals(row.areaCode())) {
                    errors.add(new FieldError(at + "areaCode", "complex " + row.complexId() + " lies in " + complex.neighbourhoodCode));
                } else if (periodProblem.isEmpty()) {
                    complex.tenure().problem(row.complexId(), Period.start(row.period()).orElseThrow())
                            .ifPresent(problem -> errors.add(new FieldError(at + "complexId", problem)));
                }
            }
            if (indicator != null && indicator.restricted && corporation == null) {
                errors.add(new FieldError(at + "corporationId", "is required for corporation figures such as " + indicator.code));
            }
            String source = row.source() != null ? row.source() : defaultSource;
            if (source.equals(LEEFBAROMETER_SOURCE)) {
                // the file import stores the rows of its source alone (ObservationStore.fileLoad)
                errors.add(new FieldError(at + "source", "'" + LEEFBAROMETER_SOURCE + "' is the Leefbaarometer file's own source "
                        + "(POST /api/v1/observations/leefbaarometer); name another"));
            }
            if (errors.size() > before) {
                continue;
            }
            periods.add(row.period());
            observations.add(new NewObservation(row.areaCode(), complex == null ? null : complex.id,
                    indicator.restricted ? corporation : null, indicator.code, row.period(), Period.start(row.period()).orElseThrow(),
                    row.value(), null,
                    row.respondents(), source.length() > 120 ? source.substring(0, 120) : source));
        }
        return new Checked(observations, periods);
    }

    /** Of some codes and of their municipalities, the years each is registered for ({@link RegistryYear}). */
    record AreaYears(Map<String, Set<Integer>> byCode) {
        /** Adds what another lookup found. */
        void add(AreaYears other) {
            byCode.putAll(other.byCode);
        }

        Set<Integer> of(String code) {
            return byCode.getOrDefault(code, Set.of());
        }

        /** The registry years that apply to an area: the years its municipality is registered for. */
        Set<Integer> registry(String code) {
            return of(RegistryYear.municipalityOf(code));
        }
    }

    /** Of each of these codes and of their municipalities the years it is registered for (none: an empty set): one index lookup. */
    private AreaYears areaYears(Collection<String> codes) {
        Set<String> wanted = new HashSet<>(codes);
        codes.forEach(code -> wanted.add(RegistryYear.municipalityOf(code)));
        Map<String, Set<Integer>> byCode = new HashMap<>();
        wanted.forEach(code -> byCode.put(code, new HashSet<>()));
        if (!codes.isEmpty()) {
            SqlRows.query(em, "select code, year from area where code = any(?)", List.of((Object) wanted.toArray(String[]::new)),
                    row -> byCode.computeIfAbsent(row.getString(1), c -> new HashSet<>()).add(row.getInt(2)));
        }
        return new AreaYears(byCode);
    }


    /** Refuses an input with errors (400), the first {@value #MAX_LISTED_ERRORS} named: nothing was stored. */
    static void refuseIf(List<FieldError> errors, String what) {
        refuseIf(errors, errors.size(), what);
    }

    /** The same, where only the first of {@code count} errors were kept. */
    static void refuseIf(List<FieldError> errors, int count, String what) {
        if (count == 0) {
            return;
        }
        String detail = "The " + what + " has " + count + " error" + (count == 1 ? "" : "s")
                + (count > Math.min(errors.size(), MAX_LISTED_ERRORS) ? " (the first " + Math.min(errors.size(), MAX_LISTED_ERRORS) + " are listed)" : "")
                + "; nothing was stored.";
        throw new ProblemException(400, "validation-failed", "Validation failed", detail,
                errors.subList(0, Math.min(errors.size(), MAX_LISTED_ERRORS)));
    }
}
