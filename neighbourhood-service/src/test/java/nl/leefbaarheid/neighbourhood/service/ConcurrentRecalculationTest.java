package nl.leefbaarheid.neighbourhood.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import nl.leefbaarheid.neighbourhood.Areas;
import nl.leefbaarheid.neighbourhood.api.ObservationInput;
import nl.leefbaarheid.platform.sql.SqlRows;
import org.junit.jupiter.api.Test;

/**
 * The measurement consumer, the imports and the admin's recalculation recalculate side by side. Two recalculations in
 * one district must not each roll it up from the other's neighbourhood as it was before: the later roll-up waits until
 * the earlier one has committed (StatusService.lockMunicipalities).
 */
@QuarkusTest
class ConcurrentRecalculationTest {

    @Inject
    ImportService imports;

    @Inject
    StatusService statuses;

    @Inject
    ObservationStore observations;

    @Inject
    EntityManager em;

    @Test
    void recalculationsInOneMunicipalityGoOneAfterTheOtherSoTheDistrictMissesNoChange() throws Exception {
        Areas.register("0911", 2024, Map.of("01", 400, "02", 400));
        imports.importBatch(List.of(mark("BU09110101", "2026-Q1", 5.0), mark("BU09110102", "2026-Q1", 5.0)), Optional.empty(), true, "seed");
        CountDownLatch firstRecalculated = new CountDownLatch(1);
        CountDownLatch secondDone = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<Boolean> first = threads.submit(() -> QuarkusTransaction.requiringNew().call(() -> {
                // as the measurement consumer does it: store, then recalculate, in one transaction
                observations.store(List.of(new ObservationStore.NewObservation("BU09110101", null, "corp-test", "tenant.feeling-at-home",
                        "2026-Q2", LocalDate.of(2026, 4, 1), 8.0, null, 40, "first")));
                statuses.recalculate(List.of("BU09110101"), List.of(), "first");
                firstRecalculated.countDown();
                // keeps its transaction open for 2 s, or until the second recalculation is done
                return secondDone.await(2, TimeUnit.SECONDS);
            }));
            if (!firstRecalculated.await(30, TimeUnit.SECONDS)) {
                first.get(1, TimeUnit.SECONDS); // its failure
            }
            Future<?> second = threads.submit(() -> {
                imports.importBatch(List.of(mark("BU09110102", "2026-Q2", 7.0)), Optional.empty(), true, "second");
                secondDone.countDown();
            });
            assertThat(first.get(30, TimeUnit.SECONDS)).as("the second recalculation finished while the first was open").isFalse();
            second.get(30, TimeUnit.SECONDS);
        } finally {
            threads.shutdownNow();
        }
        // what is stored equals a recalculation from scratch: no district or municipality missed a change
        int changed = QuarkusTransaction.requiringNew().call(() -> statuses.recalculateMunicipality("GM0911", "check"));
        assertThat(changed).as("statuses changed by a recalculation from scratch").isZero();
    }

    @Test
    void twoTransactionsWritingTheFirstStatusOfANeighbourhoodBothSucceedEachWithAVersionOfItsOwn() throws Exception {
        Areas.register("0931", 2024, Map.of("01", 300));
        String area = "BU09310101";
        CountDownLatch firstWritten = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<?> first = threads.submit(() -> QuarkusTransaction.requiringNew().run(() -> {
                observations.store(List.of(new ObservationStore.NewObservation(area, null, "corp-test", "tenant.feeling-at-home",
                        "2026-Q2", LocalDate.of(2026, 4, 1), 8.0, null, 40, "first")));
                statuses.recalculate(List.of(area), List.of(), "first");
                firstWritten.countDown();
                sleep(1500); // the first status is written, not committed: the second writes meanwhile
            }));
            if (!firstWritten.await(30, TimeUnit.SECONDS)) {
                first.get(1, TimeUnit.SECONDS); // its failure
            }
            Future<?> second = threads.submit(() -> QuarkusTransaction.requiringNew().run(() -> {
                observations.store(List.of(new ObservationStore.NewObservation(area, null, "corp-test", "tenant.feeling-at-home",
                        "2026-Q3", LocalDate.of(2026, 7, 1), 6.0, null, 40, "second")));
                statuses.recalculate(List.of(area), List.of(), "second");
            }));
            first.get(30, TimeUnit.SECONDS);
            second.get(30, TimeUnit.SECONDS); // was: a duplicate key on the status history, answered 409
        } finally {
            threads.shutdownNow();
        }
        List<Integer> versions = QuarkusTransaction.requiringNew().call(() -> SqlRows.query(em,
                "select version from area_status_history where subject = ? order by version", List.of(area), row -> row.getInt(1)));
        assertThat(versions).containsExactly(1, 2);
        int changed = QuarkusTransaction.requiringNew().call(() -> statuses.recalculate(List.of(area), List.of(), "check"));
        assertThat(changed).as("statuses changed by a recalculation from scratch").isZero();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ObservationInput mark(String area, String period, double value) {
        return new ObservationInput(area, null, "tenant.feeling-at-home", period, value, 40, null, "corp-test");
    }
}
