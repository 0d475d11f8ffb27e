package nl.leefbaarheid.neighbourhood.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvFileTest {

    static List<CsvFile.Record> records(CsvFile file) {
        List<CsvFile.Record> records = new ArrayList<>();
        file.forEach(records::add);
        return records;
    }

    @Test
    void theHeaderLineDecidesTheSeparator() {
        assertThat(CsvFile.of("a;b,c;d\n1;2,5;3\n").separator()).isEqualTo(';');
        assertThat(CsvFile.of("a,b\n1,2\n").separator()).isEqualTo(',');
        assertThat(records(CsvFile.of("a;b\n1;2,5\n"))).singleElement()
                .isEqualTo(new CsvFile.Record(2, List.of("1", "2,5")));
    }

    @Test
    void aByteOrderMarkCrlfAndBlankLinesAreNotData() {
        CsvFile file = CsvFile.of("\uFEFFcode;naam\r\n\r\nBU1;Haven\r\n  \r\nBU2;Markt");

        assertThat(file.header()).containsExactly("code", "naam");
        assertThat(records(file)).containsExactly(new CsvFile.Record(3, List.of("BU1", "Haven")),
                new CsvFile.Record(5, List.of("BU2", "Markt")));
    }

    @Test
    void quotedFieldsKeepSeparatorsDoubledQuotesAndLineBreaksAndTheNextRecordItsLine() {
        CsvFile file = CsvFile.of("code,naam,n\nBU1,\"Haven, \"\"oud\"\"\nen nieuw\",1\n BU2 , \"Markt\" ,2\n");

        assertThat(records(file)).containsExactly(new CsvFile.Record(2, List.of("BU1", "Haven, \"oud\"\nen nieuw", "1")),
                new CsvFile.Record(4, List.of("BU2", "Markt", "2")));
    }

    @Test
    void anUnclosedQuoteIsMalformedFromTheLineItOpensOn() {
        CsvFile file = CsvFile.of("a,b\n1,2\n3,\"open\n4,5\n");

        assertThatThrownBy(() -> records(file)).isInstanceOfSatisfying(CsvFile.Malformed.class, e -> assertThat(e.line()).isEqualTo(3));
    }

    @Test
    void numbersTakeADecimalPointOrComma() {
        assertThat(CsvFile.number("-0,125")).isEqualTo(-0.125);
        assertThat(CsvFile.number("4.12")).isEqualTo(4.12);
        assertThat(CsvFile.number(" ")).isNull();
        assertThatThrownBy(() -> CsvFile.number("NaN")).isInstanceOf(NumberFormatException.class);
    }

    @Test
    void anEmptyTextHasNoHeader() {
        assertThat(CsvFile.of("").header()).isEmpty();
        assertThat(CsvFile.of("\n\n").header()).isEmpty();
    }
}
