package nl.leefbaarheid.neighbourhood.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import nl.leefbaarheid.neighbourhood.domain.AreaLevel;
import nl.leefbaarheid.neighbourhood.domain.RegistryRow;
import org.junit.jupiter.api.Test;

class RegistryCsvTest {

    static RegistryCsv.Result read(String text) {
        return RegistryCsv.read(new StringReader(text));
    }

    @Test
    void aDownloadWithPaddedCodesMissingValuesAndSuffixedColumnsIsReadByStem() {
        RegistryCsv.Result read = read("""
                "ID";"WijkenEnBuurten";"Gemeentenaam_1";"SoortRegio_2";"Codering_3";"AantalInwoners_5";"HuishoudensTotaal_29";"Woningvoorraad_35"
                1;"Nederland";"Nederland                               ";"Land      ";"NL00      ";17942942;8195000;8100000
                2;"Demostad";"Demostad                                ";"Gemeente  ";"GM0999    ";12000;6200;6500
                3;"Centrum";"Demostad";"Wijk      ";"WK099901  ";.;2100;.
                4;"Centrum-Noord";"Demostad";"Buurt     ";"BU09990101";2500;1240;1310
                """);
        assertThat(read.errors()).isEmpty();
        assertThat(read.codeColumn()).isEqualTo("Codering_3");
        assertThat(read.countryRows()).containsExactly(2);
        assertThat(read.rows()).containsExactly(
                new RegistryRow("line 3", "GM0999", AreaLevel.MUNICIPALITY, "Demostad", 6200, 6500, null),
                new RegistryRow("line 4", "WK099901", AreaLevel.DISTRICT, "Centrum", 2100, null, null),
                new RegistryRow("line 5", "BU09990101", AreaLevel.NEIGHBOURHOOD, "Centrum-Noord", 1240, 1310, null));
    }

    @Test
    void commasOtherSuffixesAndAnyOrderToo() {
        RegistryCsv.Result read = read("Woningvoorraad_34,Codering_4,SoortRegio_3,WijkenEnBuurten,HuishoudensTotaal_28\r\n"
                + "7,\"BU0999AB01  \",Buurt,\"Haven, Oost\",5\r\n");
        assertThat(read.errors()).isEmpty();
        assertThat(read.rows()).containsExactly(new RegistryRow("line 2", "BU0999AB01", AreaLevel.NEIGHBOURHOOD, "Haven, Oost", 5, 7, null));
    }

    @Test
    void theODataSetHoldsTheCodeInWijkenEnBuurtenSoTheNameComesFromNaamOrGemeentenaamOrIsTheCode() {
        RegistryCsv.Result read = read("""
                WijkenEnBuurten;Gemeentenaam_1;SoortRegio_2;Codering_3
                GM0999    ;Demostad;Gemeente  ;GM0999
                WK099901  ;Demostad;Wijk      ;WK099901
                """);
        assertThat(read.rows()).extracting(RegistryRow::name).containsExactly("Demostad", "WK099901");
        read = read("WijkenEnBuurten;Naam_9;Codering_3\nBU09990101;Centrum-Noord;BU09990101\n");
        assertThat(read.rows()).extracting(RegistryRow::name).containsExactly("Centrum-Noord");
    }

    @Test
    void everyBadLineIsNamedWithItsColumn() {
        RegistryCsv.Result read = read("""
                WijkenEnBuurten;SoortRegio_2;Codering_3;HuishoudensTotaal_29;Woningvoorraad_35
                Demostad;Gemeente;GM0999;6200;6500
                Centrum;Buurt;WK099901;2100;.
                Noord;Buurt;BU099901;-4;12,5
                Zuid;Dorp;BU09990102;1;1
                Kort;Buurt
                """);
        assertThat(read.errors()).containsExactly(
                new RegistryCsv.LineError(3, "SoortRegio_2", "'Buurt' does not fit the code WK099901"),
                new RegistryCsv.LineError(4, "Codering_3", "'BU099901' is not a CBS code (GM + 4 digits, WK + 6, BU + 8)"),
                new RegistryCsv.LineError(4, "HuishoudensTotaal_29", "'-4' is not a count (a whole number of 0 or more, or . when missing)"),
                new RegistryCsv.LineError(4, "Woningvoorraad_35", "'12,5' is not a count (a whole number of 0 or more, or . when missing)"),
                new RegistryCsv.LineError(5, "SoortRegio_2", "'Dorp' is not Gemeente, Wijk, Buurt or Land"),
                new RegistryCsv.LineError(6, null, "has 2 fields where the header has 5 (is the separator ';' used throughout?)"));
        // rows with a valid code stay, so that their children find their parent when the file's errors are checked
        assertThat(read.rows()).extracting(RegistryRow::code).containsExactly("GM0999", "WK099901", "BU09990102");
    }

    @Test
    void aFileWithoutACodeColumnIsRefusedAtItsHeader() {
        assertThat(read("WijkenEnBuurten;SoortRegio_2\nDemostad;Gemeente\n").errors()).singleElement()
                .satisfies(e -> assertThat(e.message()).startsWith("the header line lacks a column Codering (Codering_<n>)"));
        assertThat(read("").errors()).singleElement()
                .satisfies(e -> assertThat(e.message()).startsWith("the file is empty"));
    }

    @Test
    void theStemIsTheNameWithoutItsNumericSuffix() {
        assertThat(RegistryCsv.stem("HuishoudensTotaal_29")).isEqualTo("huishoudenstotaal");
        assertThat(RegistryCsv.stem(" Codering_3 ")).isEqualTo("codering");
        assertThat(RegistryCsv.stem("WijkenEnBuurten")).isEqualTo("wijkenenbuurten");
        assertThat(RegistryCsv.stem("Perc_65_jaar_6")).isEqualTo("perc_65_jaar");
    }
}
