package nl.leefbaarheid.neighbourhood.domain;

import static nl.leefbaarheid.neighbourhood.domain.MeasurementChanges.Kind.CORRECTED;
import static nl.leefbaarheid.neighbourhood.domain.MeasurementChanges.Kind.RECORDED;
import static nl.leefbaarheid.neighbourhood.domain.MeasurementChanges.Kind.WITHDRAWN;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import nl.leefbaarheid.neighbourhood.domain.MeasurementChanges.Change;
import nl.leefbaarheid.neighbourhood.domain.MeasurementChanges.Known;
import nl.leefbaarheid.neighbourhood.domain.MeasurementChanges.Plan;
import org.junit.jupiter.api.Test;

class MeasurementChangesTest {

    @Test
    void aRecordingIsStoredAndNeedsNothingRemembered() {
        Plan plan = MeasurementChanges.plan(List.of(new Change(0, "m", RECORDED, 0)), Map.of());

        assertThat(plan.store()).containsExactlyEntriesOf(Map.of("m", 0));
        assertThat(plan.remove()).isEmpty();
        assertThat(plan.remember()).isEmpty();
        assertThat(plan.applied()).containsExactly(0);
    }

    @Test
    void aCorrectionReplacesTheValuesAndIsRemembered() {
        Plan plan = MeasurementChanges.plan(List.of(new Change(0, "m", CORRECTED, 1)), Map.of());

        assertThat(plan.store()).containsExactlyEntriesOf(Map.of("m", 0));
        assertThat(plan.remember()).containsExactlyEntriesOf(Map.of("m", new Known(1, false)));
    }

    @Test
    void aWithdrawalRemovesTheMeasurementAndIsRemembered() {
        Plan plan = MeasurementChanges.plan(List.of(new Change(0, "m", WITHDRAWN, 2)), Map.of("m", new Known(1, false)));

        assertThat(plan.store()).isEmpty();
        assertThat(plan.remove()).containsExactly("m");
        assertThat(plan.remember()).containsExactlyEntriesOf(Map.of("m", new Known(2, true)));
    }

    @Test
    void recordedCorrectedAndWithdrawnInOneBatchComeToTheWithdrawal() {
        Plan plan = MeasurementChanges.plan(List.of(new Change(0, "m", RECORDED, 0), new Change(1, "m", CORRECTED, 1),
                new Change(2, "m", WITHDRAWN, 2)), Map.of());

        assertThat(plan.store()).isEmpty();
        assertThat(plan.remove()).containsExactly("m");
        assertThat(plan.applied()).containsExactly(0, 1, 2);
    }

    @Test
    void aRecordingAfterItsCorrectionKeepsTheCorrection() {
        Plan inOneBatch = MeasurementChanges.plan(List.of(new Change(0, "m", CORRECTED, 1), new Change(1, "m", RECORDED, 0)), Map.of());
        Plan later = MeasurementChanges.plan(List.of(new Change(0, "m", RECORDED, 0)), Map.of("m", new Known(1, false)));

        assertThat(inOneBatch.store()).containsExactlyEntriesOf(Map.of("m", 0));
        assertThat(inOneBatch.applied()).containsExactly(0);
        assertThat(later.store()).isEmpty();
        assertThat(later.applied()).isEmpty();
    }

    @Test
    void aRecordingAfterItsWithdrawalIsNotStored() {
        Plan plan = MeasurementChanges.plan(List.of(new Change(0, "m", RECORDED, 0)), Map.of("m", new Known(2, true)));

        assertThat(plan.store()).isEmpty();
        assertThat(plan.remove()).isEmpty();
        assertThat(plan.applied()).isEmpty();
    }

    @Test
    void anOlderCorrectionAfterANewerOneChangesNothing() {
        Plan plan = MeasurementChanges.plan(List.of(new Change(0, "m", CORRECTED, 3), new Change(1, "m", CORRECTED, 2)),
                Map.of("m", new Known(1, false)));

        assertThat(plan.store()).containsExactlyEntriesOf(Map.of("m", 0));
        assertThat(plan.remember()).containsExactlyEntriesOf(Map.of("m", new Known(3, false)));
        assertThat(plan.applied()).containsExactly(0);
    }

    @Test
    void aCorrectionAfterTheWithdrawalChangesNothing() {
        Plan plan = MeasurementChanges.plan(List.of(new Change(0, "m", CORRECTED, 1)), Map.of("m", new Known(2, true)));

        assertThat(plan.store()).isEmpty();
        assertThat(plan.remove()).isEmpty();
        assertThat(plan.remember()).isEmpty();
    }

    @Test
    void measurementsOfOneBatchAreTakenEachOnTheirOwn() {
        Plan plan = MeasurementChanges.plan(List.of(new Change(0, "a", RECORDED, 0), new Change(1, "b", WITHDRAWN, 1),
                new Change(2, "c", CORRECTED, 1), new Change(3, "a", CORRECTED, 1)), Map.of());

        assertThat(plan.store()).containsExactlyInAnyOrderEntriesOf(Map.of("a", 3, "c", 2));
        assertThat(plan.remove()).containsExactly("b");
        assertThat(plan.applied()).containsExactly(0, 1, 2, 3);
    }
}
