package nl.leefbaarheid.neighbourhood.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LeefbaarometerCsvTest {

    @Test
    void commaSeparatedWithDecimalPointsAndColumnsInAnyOrder() {
        LeefbaarometerCsv.Result result = LeefbaarometerCsv.read("""
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
        assertThat(row.scores()).containsEntry("lbm.afw", 0.07).containsEntry("lbm.onv", -0.01).containsEntry("lbm.lbm", 4.12);
        assertThat(row.classes()).isEmpty();
    }

    @Test
    void semicolonsDecimalCommasClassColumnsAndLetterCodes() {
        LeefbaarometerCsv.Result result = LeefbaarometerCsv.read("\uFEFFBU_CODE;jaar;afw;kafw;won;fys;vrz;soc;onv;konv\r\n"
                + "BU0363AB10;2024;-0,125;3;0,01;-0,02;0,03;-0,06;-0,08;2\r\n");

        assertThat(result.errors()).isEmpty();
        LeefbaarometerCsv.Row row = result.rows().get(0);
        assertThat(row.code()).isEqualTo("BU0363AB10");
        assertThat(row.scores()).containsEntry("lbm.afw", -0.125).containsEntry("lbm.soc", -0.06);
        assertThat(row.classes()).containsEntry("lbm.afw", 3).containsEntry("lbm.onv", 2);
    }

    @Test
    void everyBadLineIsNamed() {
        LeefbaarometerCsv.Result result = LeefbaarometerCsv.read("""
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
        LeefbaarometerCsv.Result result = LeefbaarometerCsv.read("bu_code,jaar,afw,won,fys,vrz,soc\nBU09990101,2024,0,0,0,0,0\n");

        assertThat(result.rows()).isEmpty();
        assertThat(result.errors()).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(1);
            assertThat(e.message()).startsWith("the header line lacks column onv");
        });
        assertThat(List.of(CsvLines.separator("a;b,c;d"), CsvLines.separator("a,b"))).containsExactly(';', ',');
    }
}
