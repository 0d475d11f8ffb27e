package nl.leefbaarheid.neighbourhood.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.leefbaarheid.neighbourhood.domain.AreaLevel;
import org.junit.jupiter.api.Test;

class LeefbaarometerCsvTest {

    /** What a file holds, read row by row as the import does. */
    record Read(AreaLevel level, int records, List<LeefbaarometerCsv.Row> rows, List<Integer> emptyRows,
            List<LeefbaarometerCsv.LineError> errors) {
    }

    /** The scores of a row, by indicator code. */
    static Map<String, Double> scores(LeefbaarometerCsv.Row row) {
        Map<String, Double> scores = new LinkedHashMap<>();
        for (int i = 0; i < row.values().length; i++) {
            if (!Double.isNaN(row.values()[i])) {
                scores.put(LeefbaarometerCsv.INDICATORS.get(i), row.values()[i]);
            }
        }
        return scores;
    }

    /** The classes of the scores present, by indicator code. */
    static Map<String, Integer> classes(LeefbaarometerCsv.Row row) {
        Map<String, Integer> classes = new LinkedHashMap<>();
        for (int i = 0; i < row.classValues().length; i++) {
            if (row.classValues()[i] != 0 && !Double.isNaN(row.values()[i])) {
                classes.put(LeefbaarometerCsv.INDICATORS.get(i), (int) row.classValues()[i]);
            }
        }
        return classes;
    }

    static Read read(String text) {
        LeefbaarometerCsv.Reading reading = LeefbaarometerCsv.open(new StringReader(text));
        List<LeefbaarometerCsv.Row> rows = new ArrayList<>();
        for (LeefbaarometerCsv.Row row = reading.next(); row != null; row = reading.next()) {
            rows.add(row);
        }
        assertThat(reading.errors()).hasSize(reading.errorCount());
        assertThat(reading.emptyRows()).hasSize(reading.emptyRowCount());
        return new Read(reading.level(), reading.records(), rows, reading.emptyRows(), reading.errors());
    }

    @Test
    void commaSeparatedWithDecimalPointsAndColumnsInAnyOrder() {
        Read result = read("""
                jaar,bu_code,afw,won,fys,vrz,soc,onv,lbm,bu_naam
                2024,BU09990101,0.07,0.01,0.02,0.03,0.02,-0.01,4.12,"Centrum, Noord"
                2022,BU09990101,0.05,0.01,0.02,0.01,0.02,-0.01,4.10,"Centrum, Noord"
                """);

        assertThat(result.errors()).isEmpty();
        assertThat(result.rows()).hasSize(2);
        LeefbaarometerCsv.Row row = result.rows().get(0);
        assertThat(row.code()).isEqualTo("BU09990101");
        assertThat(row.name()).isEqualTo("Centrum, Noord");
        assertThat(row.year()).isEqualTo(2024);
        assertThat(scores(row)).containsEntry("lbm.afw", 0.07).containsEntry("lbm.onv", -0.01).containsEntry("lbm.lbm", 4.12);
        assertThat(classes(row)).isEmpty();
    }

    @Test
    void semicolonsDecimalCommasClassColumnsAndLetterCodes() {
        Read result = read("\uFEFFBU_CODE;jaar;afw;kafw;won;fys;vrz;soc;onv;konv\r\n"
                + "BU0363AB10;2024;-0,125;3;0,01;-0,02;0,03;-0,06;-0,08;2\r\n");

        assertThat(result.errors()).isEmpty();
        LeefbaarometerCsv.Row row = result.rows().get(0);
        assertThat(row.code()).isEqualTo("BU0363AB10");
        assertThat(scores(row)).containsEntry("lbm.afw", -0.125).containsEntry("lbm.soc", -0.06);
        assertThat(classes(row)).containsEntry("lbm.afw", 3).containsEntry("lbm.onv", 2);
    }

    @Test
    void everyBadLineIsNamed() {
        Read result = read("""
                bu_code;jaar;afw;won;fys;vrz;soc;onv
                BU09990101;2024;0,07;0,01;0,02;0,03;0,02;-0,01
                WK099901;2024;0,07;0,01;0,02;0,03;0,02;-0,01
                BU09990102;twintig;0,07;0,01;0,02;0,03;0,02;-0,01
                BU09990103;2024;hoog;0,01;0,02;0,03;0,02;-0,01
                BU09990104;2024;0,07
                BU09990101;2024;0,07;0,01;0,02;0,03;0,02;-0,01
                """);

        assertThat(result.errors()).extracting(LeefbaarometerCsv.LineError::line).containsExactly(3, 4, 5, 6, 7);
        assertThat(result.errors()).extracting(LeefbaarometerCsv.LineError::column)
                .containsExactly("bu_code", "jaar", "afw", null, "bu_code");
        assertThat(result.errors().get(4).message()).isEqualTo("BU09990101 in 2024 also appears on line 2");
    }

    @Test
    void aMissingColumnIsNamedOnTheHeaderLine() {
        Read result = read("bu_code,jaar,afw,won,fys,vrz,soc\nBU09990101,2024,0,0,0,0,0\n");

        assertThat(result.rows()).isEmpty();
        assertThat(result.errors()).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(1);
            assertThat(e.message()).startsWith("the header line lacks column onv");
        });
        assertThat(read("code;jaar;afw;won;fys;vrz;soc;onv\nBU09990101;2024;0;0;0;0;0;0\n").errors())
                .singleElement().satisfies(e -> {
            assertThat(e.message()).startsWith("the header line lacks column bu_code or wk_code or gm_code; found: code, jaar");
        });
    }

    @Test
    void theLevelFollowsFromTheCodeColumnAndUnknownColumnsSuchAsAnUnnamedIndexAreIgnored() {
        Read districts = read("""
                ,wk_code,wk_naam,jaar,lbm,afw,fys,onv,soc,vrz,won,bron
                0,WK099901,Centrum,2022,4.10,0.05,0.01,0.02,0.01,0.01,0.00,x
                1,WK099901,Centrum,2024,4.12,0.07,0.01,-0.02,0.03,0.04,0.01,y
                """);
        Read municipalities = read("gm_code;jaar;afw;won;fys;vrz;soc;onv\nGM0999;2024;0,07;0,01;0,02;0,03;0,02;-0,01\n");
        // a neighbourhood file that also names the district and municipality of each neighbourhood stays one of neighbourhoods
        Read neighbourhoods = read(
                "gm_code,wk_code,bu_code,jaar,afw,won,fys,vrz,soc,onv\nGM0999,WK099901,BU09990101,2024,0.07,0.01,0.02,0.03,0.02,-0.01\n");

        assertThat(districts.errors()).isEmpty();
        assertThat(districts.level()).isEqualTo(AreaLevel.DISTRICT);
        assertThat(districts.rows()).extracting(LeefbaarometerCsv.Row::code, LeefbaarometerCsv.Row::name, LeefbaarometerCsv.Row::year)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("WK099901", "Centrum", 2022),
                        org.assertj.core.groups.Tuple.tuple("WK099901", "Centrum", 2024));
        assertThat(scores(districts.rows().get(1))).containsEntry("lbm.afw", 0.07).containsEntry("lbm.lbm", 4.12);
        assertThat(municipalities.level()).isEqualTo(AreaLevel.MUNICIPALITY);
        assertThat(municipalities.rows()).singleElement().satisfies(r -> assertThat(r.name()).isNull());
        assertThat(neighbourhoods.level()).isEqualTo(AreaLevel.NEIGHBOURHOOD);
        assertThat(neighbourhoods.rows()).extracting(LeefbaarometerCsv.Row::code).containsExactly("BU09990101");
    }

    @Test
    void aRowWithoutScoresIsSkippedAndCountedAndOneWithSomeKeepsThem() {
        Read result = read("""
                bu_code;jaar;lbm;afw;kafw;won;fys;vrz;soc;onv
                BU09990101;2024;4,12;0,07;6;0,01;0,02;0,03;0,02;-0,01
                BU09990102;2012;;;;;;;;

                BU09990102;2024;;0,03;5;;0,01;0,01;;0,01
                BU09990103;2024; ; ;; ; ; ; ;
                """);

        assertThat(result.errors()).isEmpty();
        assertThat(result.records()).isEqualTo(4);
        assertThat(result.emptyRows()).containsExactly(3, 6);
        assertThat(result.rows()).extracting(LeefbaarometerCsv.Row::line).containsExactly(2, 5);
        assertThat(scores(result.rows().get(1))).containsOnlyKeys("lbm.afw", "lbm.fys", "lbm.vrz", "lbm.onv");
        assertThat(classes(result.rows().get(1))).containsExactly(java.util.Map.entry("lbm.afw", 5));
    }

    @Test
    void quotedFieldsOverSeveralLinesKeepTheLineNumbersAnEditorShows() {
        Read result = read("\uFEFFbu_code;bu_naam;jaar;afw;won;fys;vrz;soc;onv\r\n"
                + "BU09990101;\"Oude \"\"Haven\"\"\r\n(centrum)\";2024;0,07;0,01;0,02;0,03;0,02;-0,01\r\n"
                + "BU09990102;Markt;2024;veel;0,01;0,02;0,03;0,02;-0,01\r\n"
                + "BU09990103;\"Park; zoom\";2024;0,01;0,01;0,02;0,03;0,02;-0,01\r\n");

        assertThat(result.rows()).extracting(LeefbaarometerCsv.Row::line).containsExactly(2, 5);
        assertThat(result.rows().get(0).name()).isEqualTo("Oude \"Haven\"\r\n(centrum)");
        assertThat(result.rows().get(1).name()).isEqualTo("Park; zoom");
        assertThat(result.errors()).singleElement().isEqualTo(new LeefbaarometerCsv.LineError(4, "afw", "'veel' is not a number"));
    }

    @Test
    void aFileOfManyBadLinesCountsThemAllAndKeepsTheFirst200() {
        StringBuilder text = new StringBuilder("bu_code;jaar;afw;won;fys;vrz;soc;onv\n");
        for (int i = 0; i < 500; i++) {
            text.append("BU0999").append(String.format("%04d", i)).append(";twintig;0;0;0;0;0;0\n");
        }
        LeefbaarometerCsv.Reading reading = LeefbaarometerCsv.open(new StringReader(text.toString()));

        assertThat(reading.next()).isNull();
        assertThat(reading.errorCount()).isEqualTo(500);
        assertThat(reading.errors()).hasSize(LeefbaarometerCsv.LISTED).first().isEqualTo(new LeefbaarometerCsv.LineError(2, "jaar",
                "'twintig' is not a year"));
    }

    @Test
    void anUnclosedQuoteIsNamedByTheLineItOpensOn() {
        Read result = read("""
                bu_code,bu_naam,jaar,afw,won,fys,vrz,soc,onv
                BU09990101,Haven,2024,0.07,0.01,0.02,0.03,0.02,-0.01
                BU09990102,"Markt,2024,0.07,0.01,0.02,0.03,0.02,-0.01
                BU09990103,Park,2024,0.07,0.01,0.02,0.03,0.02,-0.01
                """);

        assertThat(result.errors()).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(3);
            assertThat(e.message()).startsWith("a quote is not closed");
        });
    }
}
