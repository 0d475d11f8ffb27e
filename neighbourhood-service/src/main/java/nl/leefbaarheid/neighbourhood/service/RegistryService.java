package nl.leefbaarheid.neighbourhood.service;

import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import nl.leefbaarheid.neighbourhood.api.RegistryArea;
import nl.leefbaarheid.neighbourhood.api.RegistryImportResult;
import nl.leefbaarheid.neighbourhood.domain.ImportProgress;
import nl.leefbaarheid.neighbourhood.domain.RegistryPlan;
import nl.leefbaarheid.neighbourhood.domain.RegistryRow;
import nl.leefbaarheid.neighbourhood.domain.RegistryYear;
import nl.leefbaarheid.neighbourhood.event.AreaRegistered;
import nl.leefbaarheid.neighbourhood.importing.RegistryCsv;
import nl.leefbaarheid.neighbourhood.importing.RegistryJson;
import nl.leefbaarheid.platform.outbox.Outbox;
import nl.leefbaarheid.platform.problem.Problem.FieldError;
import nl.leefbaarheid.platform.sql.SqlRows;

/**
 * The area registry of a year in one call, from the CBS table "Kerncijfers wijken en buurten" or its JSON form: all or
 * nothing, new and changed areas written with a few set-based statements and published on {@code neighbourhood.areas.v1}
 * through the outbox; unchanged areas are left alone (no new version, no event).
 */
@ApplicationScoped
public class RegistryService {

    static final String INSERT = """
            insert into area (code, year, level, name, parent_code, households, homes, corporation_homes)
            select c, ?, l, n, p, h, w, cw
              from unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::bigint[], ?::bigint[], ?::bigint[])
                   as x(c, l, n, p, h, w, cw)
            """;
    static final String UPDATE = """
            update area a set name = x.n, parent_code = x.p, households = x.h, homes = x.w, corporation_homes = x.cw,
                              version = a.version + 1
              from unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::bigint[], ?::bigint[], ?::bigint[]) as x(c, n, p, h, w, cw)
             where a.code = x.c and a.year = ?
            """;

    @Inject
    EntityManager em;

    @Inject
    Outbox outbox;

    @Inject
    StatusService statuses;

    /** The table of a year as a file, read as it streams in; in the transaction of the caller ({@link ImportJobs}). */
    @Transactional(TxType.MANDATORY)
    public RegistryImportResult importCsv(int year, Reader csv, ImportProgress progress) {
        RegistryCsv.Result read = RegistryCsv.read(csv);
        progress.rows(read.rows().size() + read.countryRows().size(), 0);
        List<RegistryPlan.Error> errors = new ArrayList<>();
        read.errors().forEach(e -> errors.add(new RegistryPlan.Error("line " + e.line(), e.column(), e.message())));
        if (read.codeColumn() == null) {
            ImportService.refuseIf(fieldErrors(errors, true), "file");
        }
        return store(year, read.rows(), read.codeColumn(), read.countryRows(), errors, true, progress);
    }

    @Transactional(TxType.REQUIRED)
    @TransactionConfiguration(timeout = ImportService.IMPORT_TIMEOUT_SECONDS)
    public RegistryImportResult importJson(int year, List<RegistryArea> areas) {
        List<RegistryPlan.Error> problems = new ArrayList<>();
        List<RegistryRow> rows = RegistryJson.rows(areas, year, problems);
        return store(year, rows, "code", List.of(), problems, false, new ImportProgress(0));
    }

    /**
     * Stores the rows, unless there are errors: those of reading them ({@code readErrors}) and of the plan, all named in the
     * answer. Where households changed (the weights of the districts' and municipalities' statuses, and what flags an area
     * of few households), the statuses of the areas are recalculated and rolled up before it answers.
     */
    private RegistryImportResult store(int year, List<RegistryRow> rows, String codeField, List<Integer> countryRows,
            List<RegistryPlan.Error> readErrors, boolean file, ImportProgress progress) {
        // one import of a year at a time: the second sees what the first stored
        SqlRows.query(em, "select pg_advisory_xact_lock(hashtext('area-registry'), ?)", List.of(year), row -> 1);
        Map<String, RegistryPlan.Stored> stored = new HashMap<>();
        SqlRows.query(em, "select code, name, parent_code, households, homes, corporation_homes, version from area where year = ?",
                List.of(year), row -> stored.put(row.getString(1), new RegistryPlan.Stored(row.getString(1), row.getString(2),
                        row.getString(3), (Integer) row.getObject(4), (Integer) row.getObject(5), (Integer) row.getObject(6), row.getLong(7))));
        RegistryPlan.Plan plan = RegistryPlan.plan(rows, codeField, stored);
        List<RegistryPlan.Error> errors = new ArrayList<>(readErrors);
        errors.addAll(plan.errors());
        // by line (or index), stable: a line's own errors in the order they were found
        errors.sort(Comparator.comparingInt(e -> Integer.parseInt(e.at().replaceAll("\\D", ""))));
        ImportService.refuseIf(fieldErrors(errors, file), file ? "file" : "input");
        write(year, plan.added(), INSERT, true);
        write(year, plan.updated(), UPDATE, false);
        progress.rows(rows.size() + countryRows.size(), plan.added().size() + plan.updated().size());
        List<Outbox.Event> events = new ArrayList<>();
        for (List<RegistryPlan.Change> changes : List.of(plan.added(), plan.updated())) {
            for (RegistryPlan.Change change : changes) {
                RegistryRow row = change.row();
                AreaRegistered registered = new AreaRegistered(row.code(), year, row.level(), row.name(), change.parentCode(),
                        row.households(), row.homes(), change.corporationHomes());
                events.add(new Outbox.Event(AreaRegistered.TOPIC, registered.key(), AreaRegistered.TYPE, registered.key(), registered));
            }
        }
        outbox.addAll(events);
        statuses.householdsChanged(Stream.concat(plan.added().stream(), plan.updated().stream()).filter(RegistryPlan.Change::householdsChanged)
                .map(c -> c.row().code()).toList(), year, "Area registry of " + year + ": households changed", progress);
        // the previous year of the input's municipalities, compared within those municipalities
        String[] municipalities = rows.stream().map(r -> RegistryYear.municipalityOf(r.code())).distinct().toArray(String[]::new);
        Integer previousYear = SqlRows.query(em, "select max(year) from area where code = any(?) and year < ?",
                List.of(municipalities, year), r -> (Integer) r.getObject(1)).get(0);
        List<String> previousCodes = previousYear == null ? List.of() : SqlRows.query(em,
                "select code from area where year = ? and 'GM' || substr(code, 3, 4) = any(?)", List.of(previousYear, municipalities),
                r -> r.getString(1));
        RegistryPlan.Since since = RegistryPlan.since(rows.stream().map(RegistryRow::code).toList(), previousCodes, RegistryImportResult.CAP);
        return RegistryImportResult.of(year, rows.size(), countryRows, plan, previousYear, since);
    }

    private void write(int year, List<RegistryPlan.Change> changes, String sql, boolean insert) {
        if (changes.isEmpty()) {
            return;
        }
        int n = changes.size();
        String[] codes = new String[n];
        String[] levels = new String[n];
        String[] names = new String[n];
        String[] parents = new String[n];
        Long[] households = new Long[n];
        Long[] homes = new Long[n];
        Long[] corporationHomes = new Long[n];
        for (int i = 0; i < n; i++) {
            RegistryRow row = changes.get(i).row();
            codes[i] = row.code();
            levels[i] = row.level().name();
            names[i] = row.name();
            parents[i] = changes.get(i).parentCode();
            households[i] = row.households() == null ? null : row.households().longValue();
            homes[i] = row.homes() == null ? null : row.homes().longValue();
            corporationHomes[i] = changes.get(i).corporationHomes() == null ? null : changes.get(i).corporationHomes().longValue();
        }
        if (insert) {
            SqlRows.update(em, sql, List.of(year, codes, levels, names, parents, households, homes, corporationHomes));
        } else {
            SqlRows.update(em, sql, List.of(codes, names, parents, households, homes, corporationHomes, year));
        }
    }

    /** Errors of a file are named {@code line 7 (Codering_3)}, of JSON {@code areas[3].code}. */
    private static List<FieldError> fieldErrors(List<RegistryPlan.Error> errors, boolean file) {
        return errors.stream().map(e -> new FieldError(e.field() == null ? e.at()
                : file ? e.at() + " (" + e.field() + ")" : e.at() + "." + e.field(), e.message())).toList();
    }
}
