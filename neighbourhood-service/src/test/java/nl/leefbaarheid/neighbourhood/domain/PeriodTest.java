package nl.leefbaarheid.neighbourhood.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The same cases in evaluation-service and neighbourhood-service: both services keep this rule alike. */
class PeriodTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 30);

    @Test
    void yearsQuartersAndMonthsThatHaveStartedAreAccepted() {
        assertThat(Period.problem("2024", TODAY)).isEmpty();
        assertThat(Period.problem("2026", TODAY)).isEmpty();
        assertThat(Period.problem("2026-Q4", TODAY)).isEmpty();
        assertThat(Period.problem("2026-11", TODAY)).isEmpty();
        assertThat(Period.problem("2000-01", TODAY)).isEmpty();
    }

    @Test
    void aPeriodIsRefusedUntilItsFirstDay() {
        assertThat(Period.problem("2026-12", TODAY)).contains("has not started yet: it starts on 2026-12-01");
        assertThat(Period.problem("2026-12", TODAY.plusDays(1))).isEmpty();
        assertThat(Period.problem("2027", TODAY)).contains("has not started yet: it starts on 2027-01-01");
        assertThat(Period.problem("2027-Q1", LocalDate.of(2027, 1, 1))).isEmpty();
    }

    @Test
    void yearsBefore2000AreRefused() {
        assertThat(Period.problem("1999", TODAY)).contains("must lie in 2000 or later");
        assertThat(Period.problem("1999-12", TODAY)).contains("must lie in 2000 or later");
    }

    @Test
    void anythingElseIsNotAPeriod() {
        for (String text : new String[] { null, "", "26", "2026-13", "2026-Q5", "2026-1", "2026-Q3 ", "2026/09", "Q3-2026" }) {
            assertThat(Period.problem(text, TODAY)).as(String.valueOf(text))
                    .contains("must be a year (2024), a quarter (2026-Q3) or a month (2026-09)");
        }
    }

    @Test
    void theStartIsTheFirstDayOfThePeriod() {
        assertThat(Period.start("2026")).contains(LocalDate.of(2026, 1, 1));
        assertThat(Period.start("2026-Q3")).contains(LocalDate.of(2026, 7, 1));
        assertThat(Period.start("2026-09")).contains(LocalDate.of(2026, 9, 1));
    }
}
