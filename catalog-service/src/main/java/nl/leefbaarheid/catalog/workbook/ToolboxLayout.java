package nl.leefbaarheid.catalog.workbook;

import java.util.List;
import java.util.Optional;
import nl.leefbaarheid.catalog.domain.SearchText;
import org.apache.poi.ss.util.WorkbookUtil;

/** The themes and subtopics of the catalogue, as the workbook shows them: a sheet per theme. */
public record ToolboxLayout(List<ThemeRef> themes) {

    public static final String INTRO_SHEET = "Toelichting";

    public record ThemeRef(String code, String name, List<SubtopicRef> subtopics) {

        /** The sheet name: the theme's name as far as Excel allows (31 characters, no []:*?/\). */
        public String sheetName() {
            return WorkbookUtil.createSafeSheetName(name);
        }

        public Optional<SubtopicRef> subtopic(String nameOrCode) {
            String wanted = SearchText.normalize(nameOrCode);
            return subtopics.stream()
                    .filter(s -> s.code().equals(nameOrCode.strip()) || SearchText.normalize(s.name()).equals(wanted))
                    .findFirst();
        }
    }

    public record SubtopicRef(String code, String name) {
    }

    public Optional<ThemeRef> themeOfSheet(String sheetName) {
        String wanted = SearchText.normalize(sheetName);
        return themes.stream()
                .filter(t -> SearchText.normalize(t.sheetName()).equals(wanted) || t.code().equals(sheetName.strip()))
                .findFirst();
    }

    public Optional<ThemeRef> themeOfSubtopic(String subtopicCode) {
        return themes.stream().filter(t -> t.subtopics().stream().anyMatch(s -> s.code().equals(subtopicCode))).findFirst();
    }
}
