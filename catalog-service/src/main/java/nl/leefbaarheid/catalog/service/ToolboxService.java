package nl.leefbaarheid.catalog.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional.TxType;
import jakarta.transaction.Transactional;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.leefbaarheid.catalog.api.ImportReport;
import nl.leefbaarheid.catalog.api.InterventionFilter;
import nl.leefbaarheid.catalog.api.InterventionView;
import nl.leefbaarheid.catalog.domain.InterventionStatus;
import nl.leefbaarheid.catalog.entity.Intervention;
import nl.leefbaarheid.catalog.entity.Subtopic;
import nl.leefbaarheid.catalog.entity.Theme;
import nl.leefbaarheid.catalog.service.InterventionService.Change;
import nl.leefbaarheid.catalog.workbook.ToolboxLayout;
import nl.leefbaarheid.catalog.workbook.ToolboxReader.ParsedRow;
import nl.leefbaarheid.catalog.workbook.ToolboxReader;
import nl.leefbaarheid.catalog.workbook.ToolboxWriter;
import nl.leefbaarheid.catalog.workbook.WorkbookError;
import nl.leefbaarheid.platform.problem.Problem.FieldError;
import nl.leefbaarheid.platform.problem.ProblemException;

/**
 * The toolbox as an Excel workbook: export of the catalogue (or a filter of it), and import all or nothing:
 * every row is checked before anything is stored, and one bad cell refuses the whole workbook.
 */
@ApplicationScoped
@Transactional(TxType.SUPPORTS)
public class ToolboxService {

    /** Errors listed in one answer; the detail says how many there were in all. */
    static final int MAX_LISTED_ERRORS = 200;
    static final String IMPORT_RETIRE_REASON = "Retired by a workbook import.";

    @Inject
    InterventionService interventions;

    public byte[] export(InterventionFilter filter, boolean seeDrafts, String selection) {
        ToolboxLayout layout = layout();
        if (filter.theme != null) {
            layout = new ToolboxLayout(layout.themes().stream().filter(t -> t.code().equals(filter.theme)).toList());
        }
        return ToolboxWriter.write(layout, interventions.all(filter, seeDrafts), ZonedDateTime.now(InterventionService.ZONE),
                selection);
    }

    @Transactional(TxType.REQUIRED)
    public ImportReport importWorkbook(byte[] content) {
        ToolboxReader.Result result;
        try {
            result = ToolboxReader.read(content, layout());
        } catch (ToolboxReader.UnreadableWorkbookException e) {
            throw new ProblemException(400, "unreadable-workbook", "Unreadable workbook", e.getMessage(), List.of());
        }
        List<WorkbookError> errors = new ArrayList<>(result.errors());
        for (ParsedRow row : result.rows()) {
            interventions.problems(row.spec()).forEach(e -> errors.add(row.error(e.field(), e.message())));
            lifecycleProblem(row).ifPresent(errors::add);
        }
        if (!errors.isEmpty()) {
            throw refused(errors);
        }
        Map<String, Integer> totals = new LinkedHashMap<>();
        List<ImportReport.RowOutcome> outcomes = new ArrayList<>();
        for (ParsedRow row : result.rows()) {
            ImportReport.RowOutcome outcome = apply(row);
            outcome.outcomes().forEach(o -> totals.merge(o, 1, Integer::sum));
            outcomes.add(outcome);
        }
        return new ImportReport(totals, outcomes);
    }

    private ImportReport.RowOutcome apply(ParsedRow row) {
        List<String> done = new ArrayList<>();
        String code = row.spec().code();
        Intervention existing = code == null ? null : Intervention.findById(code);
        InterventionView view;
        if (existing == null) {
            view = interventions.create(row.spec());
            done.add("created");
        } else {
            InterventionService.Outcome outcome = interventions.change(code, row.spec(), null);
            view = outcome.intervention();
            done.add(outcome.change().name().toLowerCase());
        }
        if (row.status() == InterventionStatus.PUBLISHED && view.status() == InterventionStatus.DRAFT) {
            view = interventions.publish(view.id(), null);
            done.add("published");
        } else if (row.status() == InterventionStatus.RETIRED && view.status() != InterventionStatus.RETIRED) {
            view = interventions.retire(view.id(), IMPORT_RETIRE_REASON, null);
            done.add("retired");
        }
        if (done.size() > 1 && done.get(0).equals(Change.UNCHANGED.name().toLowerCase())) {
            done.remove(0);
        }
        return new ImportReport.RowOutcome(row.sheet(), row.row(), view.id(), List.copyOf(done), view.revision());
    }

    /** A status the row asks for that the life cycle does not allow, found before anything is stored. */
    private Optional<WorkbookError> lifecycleProblem(ParsedRow row) {
        Intervention existing = row.spec().code() == null ? null : Intervention.findById(row.spec().code());
        if (existing == null) {
            return Optional.empty();
        }
        if (existing.status == InterventionStatus.PUBLISHED && row.status() == InterventionStatus.DRAFT) {
            return Optional.of(row.error("status", "a published intervention cannot go back to draft"));
        }
        if (existing.status == InterventionStatus.RETIRED && row.status() != null
                && row.status() != InterventionStatus.RETIRED) {
            return Optional.of(row.error("status", "a retired intervention cannot be brought back"));
        }
        if (existing.status == InterventionStatus.RETIRED
                && !interventions.get(existing.id, true).spec().equals(row.spec().withCode(existing.id))) {
            return Optional.of(row.error("code", "the intervention is retired and cannot be changed"));
        }
        return Optional.empty();
    }

    private static ProblemException refused(List<WorkbookError> errors) {
        List<FieldError> listed = errors.stream().limit(MAX_LISTED_ERRORS)
                .map(e -> new FieldError(e.reference(), e.describe())).toList();
        String detail = "The workbook has " + errors.size() + " error" + (errors.size() == 1 ? "" : "s")
                + (errors.size() > MAX_LISTED_ERRORS ? " (the first " + MAX_LISTED_ERRORS + " are listed)" : "")
                + "; nothing was imported. Each error names its cell as 'sheet'!column-row.";
        return new ProblemException(400, "invalid-workbook", "Invalid workbook", detail, listed);
    }

    private static ToolboxLayout layout() {
        List<Theme> themes = Theme.list("order by position, code");
        List<Subtopic> subtopics = Subtopic.list("order by position, code");
        return new ToolboxLayout(themes.stream().map(t -> new ToolboxLayout.ThemeRef(t.code, t.name,
                subtopics.stream().filter(s -> s.theme.id.equals(t.id))
                        .map(s -> new ToolboxLayout.SubtopicRef(s.code, s.name)).toList())).toList());
    }
}
