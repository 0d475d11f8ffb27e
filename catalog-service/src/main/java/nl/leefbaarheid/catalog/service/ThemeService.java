package nl.leefbaarheid.catalog.service;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional.TxType;
import jakarta.transaction.Transactional;
import java.util.List;
import nl.leefbaarheid.catalog.api.NewSubtopic;
import nl.leefbaarheid.catalog.api.NewTheme;
import nl.leefbaarheid.catalog.api.SubtopicView;
import nl.leefbaarheid.catalog.api.ThemeView;
import nl.leefbaarheid.catalog.entity.Subtopic;
import nl.leefbaarheid.catalog.entity.Theme;
import nl.leefbaarheid.catalog.workbook.ToolboxLayout;
import nl.leefbaarheid.platform.paging.Page;
import nl.leefbaarheid.platform.paging.PageRequest;
import nl.leefbaarheid.platform.problem.ProblemException;

@ApplicationScoped
@Transactional(TxType.SUPPORTS)
public class ThemeService {

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
        if (Theme.<Theme>listAll().stream().anyMatch(t -> ToolboxLayout.sameSheet(t.name, request.name()))) {
            throw ProblemException.conflict("A theme named '" + request.name().strip() + "' already exists. Each theme is a sheet"
                    + " of the toolbox workbook, so names must differ in their first 31 characters.");
        }
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
}
