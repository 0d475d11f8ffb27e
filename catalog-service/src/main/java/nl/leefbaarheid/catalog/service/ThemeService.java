package nl.leefbaarheid.catalog.service;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional.TxType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import nl.leefbaarheid.catalog.api.NewSubtopic;
import nl.leefbaarheid.catalog.api.NewTheme;
import nl.leefbaarheid.catalog.api.SubtopicView;
import nl.leefbaarheid.catalog.api.ThemeView;
import nl.leefbaarheid.catalog.api.ToolboxEntryChange;
import nl.leefbaarheid.catalog.entity.Subtopic;
import nl.leefbaarheid.catalog.entity.Theme;
import nl.leefbaarheid.catalog.workbook.ToolboxLayout;
import nl.leefbaarheid.platform.audit.Audit;
import nl.leefbaarheid.platform.paging.Page;
import nl.leefbaarheid.platform.paging.PageRequest;
import nl.leefbaarheid.platform.problem.ProblemException;
import nl.leefbaarheid.platform.web.ETags;

/**
 * The themes and subtopics of the toolbox: added, changed (name, description, place; with an ETag) and retired (they stay,
 * with their interventions, but take no new ones; a theme's subtopics are retired with it). Every change and retirement is
 * in the audit trail, with its reason.
 */
@ApplicationScoped
@Transactional(TxType.SUPPORTS)
public class ThemeService {

    /** The record kinds of themes and subtopics in the audit trail. */
    static final String THEME = "theme";
    static final String SUBTOPIC = "subtopic";

    @Inject
    Audit audit;

    @Inject
    EntityManager em;

    public Page<ThemeView> list(PageRequest page) {
        return Page.of(Theme.findAll(Sort.by("position").and("code")), page, ThemeView::of);
    }

    public ThemeView get(String code) {
        return Theme.findByCode(code).map(ThemeView::of).orElseThrow(() -> ProblemException.notFound("theme", code));
    }

    @Transactional(TxType.REQUIRED)
    public ThemeView create(NewTheme request) {
        if (Theme.findByCode(request.code()).isPresent()) {
            throw ProblemException.conflict("A theme with code '" + request.code() + "' already exists.");
        }
        uniqueSheet(null, request.name());
        Theme theme = new Theme();
        theme.code = request.code();
        theme.name = request.name().strip();
        theme.description = request.description();
        theme.position = request.position() != null ? request.position() : (int) Theme.count() + 1;
        theme.persist();
        return ThemeView.of(theme);
    }

    public List<SubtopicView> subtopics(String themeCode) {
        Theme theme = Theme.findByCode(themeCode).orElseThrow(() -> ProblemException.notFound("theme", themeCode));
        return Subtopic.<Subtopic>list("theme = ?1 order by position, code", theme).stream().map(SubtopicView::of).toList();
    }

    public SubtopicView subtopic(String themeCode, String code) {
        return Subtopic.findByCode(code).filter(s -> s.theme.code.equals(themeCode)).map(SubtopicView::of)
                .orElseThrow(() -> ProblemException.notFound("subtopic", themeCode + "/" + code));
    }

    @Transactional(TxType.REQUIRED)
    public SubtopicView createSubtopic(String themeCode, NewSubtopic request) {
        Theme theme = Theme.findByCode(themeCode).orElseThrow(() -> ProblemException.notFound("theme", themeCode));
        if (theme.retiredAt != null) {
            throw ProblemException.conflict("Theme " + themeCode + " was retired; it takes no new subtopics.");
        }
        if (Subtopic.findByCode(request.code()).isPresent()) {
            throw ProblemException.conflict("A subtopic with code '" + request.code() + "' already exists.");
        }
        Subtopic subtopic = new Subtopic();
        subtopic.theme = theme;
        subtopic.code = request.code();
        subtopic.name = request.name().strip();
        subtopic.description = request.description();
        subtopic.position = request.position() != null ? request.position() : (int) Subtopic.count("theme", theme) + 1;
        subtopic.persist();
        return SubtopicView.of(subtopic);
    }

    /** Changes the fields given of a theme whose version is {@code ifMatch} (required). */
    @Transactional(TxType.REQUIRED)
    public ThemeView changeTheme(String code, ToolboxEntryChange change, String ifMatch) {
        Theme theme = Theme.<Theme>find("code", code).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("theme", code));
        current(THEME, code, theme.version, theme.retiredAt, ETags.requiredVersion(ifMatch, "Send the theme's ETag (from GET"
                + " /api/v1/themes/{code}) in If-Match."));
        ThemeView before = ThemeView.of(theme);
        String name = change.name() == null ? theme.name : change.name().strip();
        if (!name.equals(theme.name)) {
            uniqueSheet(theme, name);
        }
        if (!changes(theme.name, theme.description, theme.position, name, change)) {
            return before;
        }
        theme.name = name;
        theme.description = change.description() == null ? theme.description : change.description();
        theme.position = change.position() == null ? theme.position : change.position();
        em.flush(); // raises the version
        audit.record(THEME, code, "updated", before, ThemeView.of(theme), change.reason());
        return ThemeView.of(theme);
    }

    /** Changes the fields given of a subtopic whose version is {@code ifMatch} (required). */
    @Transactional(TxType.REQUIRED)
    public SubtopicView changeSubtopic(String themeCode, String code, ToolboxEntryChange change, String ifMatch) {
        Subtopic subtopic = lockedSubtopic(themeCode, code);
        current(SUBTOPIC, code, subtopic.version, subtopic.retiredAt, ETags.requiredVersion(ifMatch, "Send the subtopic's ETag (from GET"
                + " /api/v1/themes/{code}/subtopics/{subtopic}) in If-Match."));
        SubtopicView before = SubtopicView.of(subtopic);
        String name = change.name() == null ? subtopic.name : change.name().strip();
        if (!changes(subtopic.name, subtopic.description, subtopic.position, name, change)) {
            return before;
        }
        subtopic.name = name;
        subtopic.description = change.description() == null ? subtopic.description : change.description();
        subtopic.position = change.position() == null ? subtopic.position : change.position();
        em.flush();
        audit.record(SUBTOPIC, code, "updated", before, SubtopicView.of(subtopic), change.reason());
        return SubtopicView.of(subtopic);
    }

    /** Retires a theme and its subtopics; {@code ifMatch}, when given, must be the theme's current ETag. */
    @Transactional(TxType.REQUIRED)
    public ThemeView retireTheme(String code, String reason, String ifMatch) {
        Theme theme = Theme.<Theme>find("code", code).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("theme", code));
        Long expected = ETags.expectedVersion(ifMatch);
        current(THEME, code, theme.version, theme.retiredAt, expected == null ? theme.version : expected);
        Instant now = Instant.now();
        List<Audit.Change> changes = new ArrayList<>();
        ThemeView before = ThemeView.of(theme);
        List<Subtopic> subtopics = Subtopic.<Subtopic>find("theme = ?1 and retiredAt is null order by position, code", theme)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
        List<SubtopicView> subtopicsBefore = subtopics.stream().map(SubtopicView::of).toList();
        theme.retiredAt = now;
        subtopics.forEach(subtopic -> subtopic.retiredAt = now);
        em.flush();
        changes.add(new Audit.Change(THEME, code, "retired", before, ThemeView.of(theme), reason.strip()));
        for (int i = 0; i < subtopics.size(); i++) {
            changes.add(new Audit.Change(SUBTOPIC, subtopics.get(i).code, "retired", subtopicsBefore.get(i),
                    SubtopicView.of(subtopics.get(i)), reason.strip()));
        }
        audit.recordAll(changes);
        return ThemeView.of(theme);
    }

    /** Retires a subtopic; {@code ifMatch}, when given, must be its current ETag. */
    @Transactional(TxType.REQUIRED)
    public SubtopicView retireSubtopic(String themeCode, String code, String reason, String ifMatch) {
        Subtopic subtopic = lockedSubtopic(themeCode, code);
        Long expected = ETags.expectedVersion(ifMatch);
        current(SUBTOPIC, code, subtopic.version, subtopic.retiredAt, expected == null ? subtopic.version : expected);
        SubtopicView before = SubtopicView.of(subtopic);
        subtopic.retiredAt = Instant.now();
        em.flush();
        audit.record(SUBTOPIC, code, "retired", before, SubtopicView.of(subtopic), reason.strip());
        return SubtopicView.of(subtopic);
    }

    private static Subtopic lockedSubtopic(String themeCode, String code) {
        return Subtopic.<Subtopic>find("code", code).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional()
                .filter(s -> s.theme.code.equals(themeCode))
                .orElseThrow(() -> ProblemException.notFound("subtopic", themeCode + "/" + code));
    }

    /** 409 for a retired theme or subtopic, 412 when it changed since the version the caller read. */
    private static void current(String kind, String code, long version, Instant retiredAt, long expected) {
        if (retiredAt != null) {
            throw ProblemException.conflict("The " + kind + " " + code + " was retired on " + retiredAt + "; it cannot change any more.");
        }
        if (expected != version) {
            throw ProblemException.preconditionFailed("The " + kind + " " + code + " was changed since you read it (ETag \"" + version
                    + "\"); read it again and repeat your change.");
        }
    }

    /** Whether the change gives other values than the current ones. */
    private static boolean changes(String name, String description, int position, String newName, ToolboxEntryChange change) {
        return !newName.equals(name) || (change.description() != null && !change.description().equals(description))
                || (change.position() != null && change.position() != position);
    }

    /** 409 when another theme (than {@code self}) would have the same sheet in the toolbox workbook. */
    private static void uniqueSheet(Theme self, String name) {
        if (Theme.<Theme>listAll().stream().anyMatch(t -> t != self && ToolboxLayout.sameSheet(t.name, name))) {
            throw ProblemException.conflict("A theme named '" + name.strip() + "' already exists. Each theme is a sheet"
                    + " of the toolbox workbook, so names must differ in their first 31 characters.");
        }
    }
}
