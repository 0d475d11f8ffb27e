package nl.leefbaarheid.catalog.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional.TxType;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.leefbaarheid.catalog.api.InterventionFilter;
import nl.leefbaarheid.catalog.api.InterventionView;
import nl.leefbaarheid.catalog.api.RecommendationView;
import nl.leefbaarheid.catalog.api.RevisionSummary;
import nl.leefbaarheid.catalog.domain.Coded;
import nl.leefbaarheid.catalog.domain.Dimension;
import nl.leefbaarheid.catalog.domain.InterventionRules;
import nl.leefbaarheid.catalog.domain.InterventionSpec;
import nl.leefbaarheid.catalog.domain.InterventionStatus;
import nl.leefbaarheid.catalog.domain.Lifecycle;
import nl.leefbaarheid.catalog.domain.PartnerType;
import nl.leefbaarheid.catalog.domain.Recommender;
import nl.leefbaarheid.catalog.domain.SearchText;
import nl.leefbaarheid.catalog.entity.Intervention;
import nl.leefbaarheid.catalog.entity.InterventionRevision;
import nl.leefbaarheid.catalog.entity.Subtopic;
import nl.leefbaarheid.catalog.event.InterventionSnapshot;
import nl.leefbaarheid.platform.outbox.Outbox;
import nl.leefbaarheid.platform.paging.Page;
import nl.leefbaarheid.platform.paging.PageRequest;
import nl.leefbaarheid.platform.problem.Problem.FieldError;
import nl.leefbaarheid.platform.problem.ProblemException;
import nl.leefbaarheid.platform.problem.ProblemMappers;

/**
 * The life cycle of interventions: create a draft, edit it, publish it, revise it (each published change is a
 * new revision) and retire it. Every publish, revision and retirement goes to the outbox in the same
 * transaction.
 */
@ApplicationScoped
@Transactional(TxType.SUPPORTS)
public class InterventionService {

    /** Dates (evidence validity) are those of the Netherlands. */
    public static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

    @Inject
    ObjectMapper json;

    @Inject
    Validator validator;

    @Inject
    Outbox outbox;

    /** What a change did to an intervention. */
    public enum Change { CREATED, UPDATED, REVISED, PUBLISHED, RETIRED, UNCHANGED }

    public record Outcome(InterventionView intervention, Change change) {
    }

    // --- reading -----------------------------------------------------------------------------------

    public InterventionView get(String id, boolean seeDrafts) {
        Intervention intervention = find(id, seeDrafts);
        return view(intervention, revision(intervention, intervention.revision));
    }

    public InterventionView getRevision(String id, int number, boolean seeDrafts) {
        Intervention intervention = find(id, seeDrafts);
        InterventionRevision revision = InterventionRevision.find(id, number)
                .filter(r -> seeDrafts || r.publishedAt != null)
                .orElseThrow(() -> ProblemException.notFound("revision", id + "/" + number));
        return view(intervention, revision);
    }

    public List<RevisionSummary> revisions(String id, boolean seeDrafts) {
        find(id, seeDrafts);
        List<InterventionRevision> revisions = InterventionRevision.list("key.interventionId = ?1 order by key.revision", id);
        return revisions.stream()
                .filter(r -> seeDrafts || r.publishedAt != null)
                .map(r -> new RevisionSummary(r.key.revision(), spec(r).title(), r.createdAt, r.publishedAt))
                .toList();
    }

    public Page<InterventionView> list(InterventionFilter filter, PageRequest page, boolean seeDrafts) {
        Page<Intervention> found = Page.of(query(filter, seeDrafts), page, Function.identity());
        return new Page<>(views(found.items()), found.page(), found.size(), found.totalItems(), found.totalPages());
    }

    /** All interventions the filter selects, in toolbox order (for the workbook). */
    public List<InterventionView> all(InterventionFilter filter, boolean seeDrafts) {
        return views(query(filter, seeDrafts).list());
    }

    public List<RecommendationView> recommend(Set<Dimension> weakDimensions, Set<PartnerType> partners, int limit) {
        List<Intervention> published = Intervention.list("status", InterventionStatus.PUBLISHED);
        List<Recommender.Candidate> candidates = views(published).stream()
                .map(v -> new Recommender.Candidate(v.id(), v.revision(), v.spec()))
                .toList();
        return Recommender.rank(candidates, weakDimensions, partners, LocalDate.now(ZONE)).stream()
                .limit(limit)
                .map(RecommendationView::of)
                .toList();
    }

    // --- changing ----------------------------------------------------------------------------------

    /** Creates a draft. The code is taken from the spec or made from the title. */
    @Transactional(TxType.REQUIRED)
    public InterventionView create(InterventionSpec spec) {
        Subtopic subtopic = checked(spec);
        String code = spec.code() != null ? spec.code() : freeCode(InterventionRules.codeFromTitle(spec.title()));
        if (Intervention.findById(code) != null) {
            throw ProblemException.conflict("An intervention with code '" + code + "' already exists.");
        }
        InterventionSpec withCode = spec.withCode(code);
        Instant now = Instant.now();
        Intervention intervention = new Intervention();
        intervention.id = code;
        intervention.status = InterventionStatus.DRAFT;
        intervention.revision = 1;
        intervention.createdAt = now;
        copy(withCode, subtopic, intervention, now);
        intervention.persist();
        newRevision(intervention, withCode, now, null);
        return view(intervention, revision(intervention, 1));
    }

    /**
     * Changes an intervention: a draft is edited in place, a published one gets a new published revision.
     * The same content again changes nothing.
     */
    @Transactional(TxType.REQUIRED)
    public Outcome change(String id, InterventionSpec spec, Long expectedVersion) {
        Intervention intervention = find(id, true);
        checkVersion(intervention, expectedVersion);
        if (spec.code() != null && !spec.code().equals(id)) {
            throw ProblemException.invalid("code", "cannot change; the intervention's code is '" + id + "'");
        }
        String refused = Lifecycle.refuseChange(intervention.status);
        if (refused != null) {
            throw ProblemException.conflict(refused);
        }
        Subtopic subtopic = checked(spec);
        InterventionSpec withCode = spec.withCode(id);
        InterventionRevision current = revision(intervention, intervention.revision);
        if (spec(current).equals(withCode)) {
            return new Outcome(view(intervention, current), Change.UNCHANGED);
        }
        Instant now = Instant.now();
        copy(withCode, subtopic, intervention, now);
        if (!Lifecycle.changeMakesRevision(intervention.status)) {
            current.spec = write(withCode);
            return new Outcome(view(intervention, current), Change.UPDATED);
        }
        intervention.revision++;
        intervention.publishedRevision = intervention.revision;
        intervention.publishedAt = now;
        InterventionRevision revised = newRevision(intervention, withCode, now, now);
        publishEvent(InterventionSnapshot.REVISED, intervention, revised);
        return new Outcome(view(intervention, revised), Change.REVISED);
    }

    @Transactional(TxType.REQUIRED)
    public InterventionView publish(String id, Long expectedVersion) {
        Intervention intervention = find(id, true);
        checkVersion(intervention, expectedVersion);
        String refused = Lifecycle.refusePublish(intervention.status);
        if (refused != null) {
            throw ProblemException.conflict(refused);
        }
        Instant now = Instant.now();
        InterventionRevision draft = revision(intervention, intervention.revision);
        draft.publishedAt = now;
        intervention.status = InterventionStatus.PUBLISHED;
        intervention.publishedRevision = intervention.revision;
        intervention.publishedAt = now;
        intervention.updatedAt = now;
        publishEvent(InterventionSnapshot.PUBLISHED, intervention, draft);
        return view(intervention, draft);
    }

    @Transactional(TxType.REQUIRED)
    public InterventionView retire(String id, String reason, Long expectedVersion) {
        Intervention intervention = find(id, true);
        checkVersion(intervention, expectedVersion);
        String refused = Lifecycle.refuseRetire(intervention.status);
        if (refused != null) {
            throw ProblemException.conflict(refused);
        }
        boolean wasPublished = intervention.publishedRevision != null;
        Instant now = Instant.now();
        intervention.status = InterventionStatus.RETIRED;
        intervention.retiredAt = now;
        intervention.retiredReason = reason.strip();
        intervention.updatedAt = now;
        InterventionRevision current = revision(intervention, intervention.revision);
        if (wasPublished) {
            publishEvent(InterventionSnapshot.RETIRED, intervention, current);
        }
        return view(intervention, current);
    }

    // --- validation --------------------------------------------------------------------------------

    /**
     * Every problem of a spec: its Bean Validation constraints, the rules across fields and a subtopic that
     * exists. Field names are paths such as {@code effectMeasurement.indicators[0]}.
     */
    public List<FieldError> problems(InterventionSpec spec) {
        List<FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<InterventionSpec> v : validator.validate(spec)) {
            errors.add(new FieldError(ProblemMappers.fieldOf(v), v.getMessage()));
        }
        InterventionRules.check(spec, LocalDate.now(ZONE))
                .forEach(e -> errors.add(new FieldError(e.getKey(), e.getValue())));
        if (spec.subtopicCode() != null && !spec.subtopicCode().isBlank()) {
            Optional<Subtopic> subtopic = Subtopic.findByCode(spec.subtopicCode());
            if (subtopic.isEmpty()) {
                errors.add(new FieldError("subtopicCode", "is not a subtopic of the toolbox"));
            } else if (subtopic.get().retiredAt != null) {
                errors.add(new FieldError("subtopicCode", "was retired; it takes no new interventions or revisions"));
            }
        }
        return errors;
    }

    private Subtopic checked(InterventionSpec spec) {
        List<FieldError> errors = problems(spec);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid("The intervention has " + errors.size() + " invalid field"
                    + (errors.size() == 1 ? "." : "s."), errors);
        }
        return Subtopic.findByCode(spec.subtopicCode()).orElseThrow();
    }

    // --- helpers -----------------------------------------------------------------------------------

    private static Intervention find(String id, boolean seeDrafts) {
        Intervention intervention = Intervention.findById(id);
        if (intervention == null || (!seeDrafts && intervention.status == InterventionStatus.DRAFT)) {
            throw ProblemException.notFound("intervention", id);
        }
        return intervention;
    }

    private static void checkVersion(Intervention intervention, Long expectedVersion) {
        if (expectedVersion != null && expectedVersion != intervention.version) {
            throw ProblemException.preconditionFailed("The intervention was changed since you read it (ETag \""
                    + intervention.version + "\"); read it again and repeat your change.");
        }
    }

    private static String freeCode(String base) {
        String code = base;
        for (int n = 2; Intervention.findById(code) != null; n++) {
            code = base + "-" + n;
        }
        return code;
    }

    private PanacheQuery<Intervention> query(InterventionFilter f, boolean seeDrafts) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        List<InterventionStatus> statuses = f.status == null || f.status.isEmpty()
                ? List.of(InterventionStatus.PUBLISHED) : f.status;
        if (!seeDrafts && statuses.contains(InterventionStatus.DRAFT)) {
            throw ProblemException.forbidden("Drafts are shown to the admin and corporation roles only.");
        }
        where.add("i.status in :statuses");
        params.put("statuses", statuses);
        if (f.theme != null) {
            where.add("t.code = :theme");
            params.put("theme", f.theme);
        }
        if (f.subtopic != null) {
            where.add("s.code = :subtopic");
            params.put("subtopic", f.subtopic);
        }
        if (f.strategy != null && !f.strategy.isEmpty()) {
            where.add("i.strategy in :strategies");
            params.put("strategies", f.strategy);
        }
        if (f.evidenceLevel != null && !f.evidenceLevel.isEmpty()) {
            where.add("i.evidenceLevel in :levels");
            params.put("levels", f.evidenceLevel);
        }
        if (f.costBand != null && !f.costBand.isEmpty()) {
            where.add("i.costBand in :costBands");
            params.put("costBands", f.costBand);
        }
        if (f.corporationAlone != null) {
            where.add("i.corporationAlone = :alone");
            params.put("alone", Boolean.valueOf(f.corporationAlone));
        }
        if (f.dimension != null && !f.dimension.isEmpty()) {
            List<String> any = new ArrayList<>();
            for (int n = 0; n < f.dimension.size(); n++) {
                any.add("array_contains(i.dimensions, :dimension" + n + ")");
                params.put("dimension" + n, f.dimension.get(n).code());
            }
            where.add("(" + String.join(" or ", any) + ")");
        }
        if (f.indicator != null) {
            where.add("array_contains(i.indicators, :indicator)");
            params.put("indicator", f.indicator);
        }
        if (f.q != null) {
            String[] words = SearchText.normalize(f.q).split(" ");
            for (int n = 0; n < words.length; n++) {
                if (!words[n].isEmpty()) {
                    where.add("i.searchText like :word" + n);
                    params.put("word" + n, "%" + words[n] + "%");
                }
            }
        }
        return Intervention.find("select i from Intervention i join i.subtopic s join s.theme t where "
                + String.join(" and ", where) + " order by t.position, s.position, i.title, i.id", params);
    }

    /** The views of the current revisions of these interventions, read in one query. */
    private List<InterventionView> views(Collection<Intervention> interventions) {
        if (interventions.isEmpty()) {
            return List.of();
        }
        List<InterventionRevision> revisions = InterventionRevision.find(
                "select r from InterventionRevision r, Intervention i where i.id in ?1"
                        + " and r.key.interventionId = i.id and r.key.revision = i.revision",
                interventions.stream().map(i -> i.id).toList()).list();
        Map<String, InterventionRevision> byId = revisions.stream()
                .collect(Collectors.toMap(r -> r.key.interventionId(), r -> r));
        return interventions.stream().map(i -> view(i, byId.get(i.id))).toList();
    }

    private InterventionView view(Intervention i, InterventionRevision revision) {
        InterventionSpec spec = spec(revision);
        return new InterventionView(i.id, i.status, revision.key.revision(), i.publishedRevision, i.subtopic.theme.code,
                InterventionRules.evidenceLapsesOn(spec), revision.publishedAt, i.retiredReason, i.retiredAt,
                i.updatedAt, spec, i.version);
    }

    private static InterventionRevision revision(Intervention intervention, int number) {
        return InterventionRevision.find(intervention.id, number).orElseThrow(
                () -> new IllegalStateException("intervention " + intervention.id + " lacks revision " + number));
    }

    private InterventionRevision newRevision(Intervention intervention, InterventionSpec spec, Instant now,
            Instant publishedAt) {
        InterventionRevision revision = new InterventionRevision();
        revision.key = new InterventionRevision.Key(intervention.id, intervention.revision);
        revision.spec = write(spec);
        revision.createdAt = now;
        revision.publishedAt = publishedAt;
        revision.persist();
        return revision;
    }

    private static void copy(InterventionSpec spec, Subtopic subtopic, Intervention i, Instant now) {
        i.subtopic = subtopic;
        i.title = spec.title().strip();
        i.strategy = spec.strategy();
        i.costBand = spec.costBand();
        i.evidenceLevel = spec.evidenceLevel();
        i.corporationAlone = spec.corporationAlone();
        i.dimensions = codes(spec.dimensions());
        i.indicators = spec.indicators().toArray(String[]::new);
        i.partnerTypes = codes(spec.partnerTypes());
        i.searchText = SearchText.normalize(spec.title() + " " + spec.summary());
        i.updatedAt = now;
    }

    private static String[] codes(List<? extends Coded> values) {
        return values.stream().map(Coded::code).toArray(String[]::new);
    }

    private void publishEvent(String type, Intervention intervention, InterventionRevision revision) {
        InterventionSnapshot snapshot = InterventionSnapshot.of(intervention.id, revision.key.revision(),
                intervention.status, intervention.subtopic.theme.code, spec(revision), revision.publishedAt);
        outbox.add(InterventionSnapshot.TOPIC, intervention.id, type, intervention.id, snapshot);
    }

    InterventionSpec spec(InterventionRevision revision) {
        try {
            return json.readValue(revision.spec, InterventionSpec.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("revision " + revision.key + " holds unreadable JSON", e);
        }
    }

    private String write(InterventionSpec spec) {
        try {
            return json.writeValueAsString(spec);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("spec cannot be written as JSON", e);
        }
    }
}
