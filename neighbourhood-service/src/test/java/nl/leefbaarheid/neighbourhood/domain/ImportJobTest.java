package nl.leefbaarheid.neighbourhood.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ImportJobTest {

    static final Instant NOW = Instant.parse("2026-10-02T09:14:03Z");
    static final Duration STALE_AFTER = Duration.ofSeconds(15);

    @Test
    void aLargeFileOrAPreferenceForRespondAsyncMakesAJob() {
        assertThat(ImportJob.asJob(null, 1_048_577, 1_048_576)).isTrue();
        assertThat(ImportJob.asJob(null, 1_048_576, 1_048_576)).isFalse();
        assertThat(ImportJob.asJob("respond-async", 10, 1_048_576)).isTrue();
        assertThat(ImportJob.asJob("return=minimal, Respond-Async; wait=10", 10, 1_048_576)).isTrue();
        assertThat(ImportJob.asJob("wait=10", 10, 1_048_576)).isFalse();
        // a large file is a job whatever the caller prefers
        assertThat(ImportJob.asJob("respond-sync", 2_000_000, 1_048_576)).isTrue();
    }

    @Test
    void aJobWhoseServiceStoppedIsFailedOnceItsHeartbeatIsStale() {
        // the service restarted while the job ran: the heartbeat stopped with it
        assertThat(ImportJob.effective(ImportJob.State.RUNNING, NOW.minusSeconds(16), NOW, STALE_AFTER)).isEqualTo(ImportJob.State.FAILED);
        assertThat(ImportJob.effective(ImportJob.State.QUEUED, NOW.minusSeconds(60), NOW, STALE_AFTER)).isEqualTo(ImportJob.State.FAILED);
        // a running service says so every few seconds
        assertThat(ImportJob.effective(ImportJob.State.RUNNING, NOW.minusSeconds(2), NOW, STALE_AFTER)).isEqualTo(ImportJob.State.RUNNING);
        // what is finished stays as it is
        assertThat(ImportJob.effective(ImportJob.State.DONE, NOW.minusSeconds(3600), NOW, STALE_AFTER)).isEqualTo(ImportJob.State.DONE);
        assertThat(ImportJob.effective(ImportJob.State.FAILED, NOW.minusSeconds(3600), NOW, STALE_AFTER)).isEqualTo(ImportJob.State.FAILED);
    }

    @Test
    void theKindsAndStatesHaveTheCodesOfTheApi() {
        assertThat(ImportJob.Kind.AREA_REGISTRY.code()).isEqualTo("area-registry");
        assertThat(ImportJob.Kind.ofCode("leefbaarometer")).isEqualTo(ImportJob.Kind.LEEFBAAROMETER);
        assertThat(ImportJob.State.ofCode("running")).isEqualTo(ImportJob.State.RUNNING);
    }

    @Test
    void progressIsReadingThenRecalculatingAndNever100BeforeDone() {
        ImportProgress progress = new ImportProgress(1_000);
        assertThat(progress.percentage()).isZero();
        progress.bytesRead(500);
        progress.rows(4_000, 3_900);
        assertThat(progress.percentage()).isEqualTo(30);
        progress.recalculating(200);
        assertThat(progress.percentage()).isEqualTo(60);
        progress.recalculated(100);
        assertThat(progress.percentage()).isEqualTo(80);
        progress.recalculated(200);
        assertThat(progress.percentage()).isEqualTo(99);
        assertThat(progress.rowsRead()).isEqualTo(4_000);
        assertThat(progress.rowsStored()).isEqualTo(3_900);
        assertThat(progress.areasRecalculated()).isEqualTo(200);
    }

    @Test
    void aStoppedImportEndsAtItsNextStep() {
        ImportProgress progress = new ImportProgress(1_000);
        progress.stop();
        assertThatThrownBy(() -> progress.rows(1, 1)).isInstanceOf(ImportProgress.Stopped.class);
    }
}
