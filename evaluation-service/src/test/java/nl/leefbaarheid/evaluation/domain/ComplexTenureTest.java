package nl.leefbaarheid.evaluation.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ComplexTenureTest {

    static final LocalDate JULY = LocalDate.of(2026, 7, 1);

    @Test
    void aComplexThatNeverEndedCountsForEveryPeriod() {
        assertThat(new ComplexTenure(null, null, null, null).problem("ZH-01", LocalDate.of(2001, 1, 1))).isEmpty();
    }

    @Test
    void anEndedComplexCountsForPeriodsThatStartedBeforeItsEnd() {
        ComplexTenure sold = new ComplexTenure(null, JULY, "sold", null);
        assertThat(sold.problem("ZH-01", LocalDate.of(2026, 4, 1))).isEmpty();
        assertThat(sold.problem("ZH-01", JULY)).hasValueSatisfying(p -> assertThat(p).contains("ended on 2026-07-01 (sold)"));
    }

    @Test
    void aTransferredComplexNamesItsNewOwner() {
        ComplexTenure transferred = new ComplexTenure(null, JULY, "transferred", "corp-other");
        assertThat(transferred.problem("ZH-01", LocalDate.of(2026, 10, 1))).hasValueSatisfying(p -> assertThat(p).contains("transferred to corp-other"));
    }

    @Test
    void aComplexTakenOverCountsForItsNewOwnerFromTheTransferOn() {
        ComplexTenure takenOver = new ComplexTenure(JULY, null, null, null);
        assertThat(takenOver.problem("ZH-01", JULY)).isEmpty();
        assertThat(takenOver.problem("ZH-01", LocalDate.of(2026, 4, 1))).hasValueSatisfying(p -> assertThat(p).contains("previous owner"));
    }
}
