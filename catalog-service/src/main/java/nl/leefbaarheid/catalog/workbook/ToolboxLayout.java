package nl.leefbaarheid.catalog.workbook;

import java.util.List;
import java.util.Optional;
import nl.leefbaarheid.catalog.domain.SearchText;
import org.apache.poi.ss.util.WorkbookUtil;

/** The themes and subtopics of the catalogue, as the workbook shows them: a sheet per theme. */
public record ToolboxLayout(List<ThemeRef> themes) {

    public static final String INTRO_SHEET = "Toelichting";

    /** The sheet of a theme: its name as far as Excel allows (31 characters, no []:*?/\). */
    public static String sheetName(String themeName) {
        return WorkbookUtil.createSafeSheetName(themeName);
    }

    /** Whether two theme names would give the same sheet: Excel compares sheet names regardless of case. */
    public static boolean sameSheet(String themeName, String otherName) {
        return SearchText.normalize(sheetName(themeName)).equals(SearchText.normalize(sheetName(otherName)));
    }

    public record ThemeRef(String code, String name, List<SubtopicRef> subtopics) {

        public String sheetName() {
            return ToolboxLayout.sheetName(name);
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
