package nl.leefbaarheid.neighbourhood.api;

import java.time.Instant;
import nl.leefbaarheid.neighbourhood.domain.ImportJob;
import nl.leefbaarheid.platform.problem.Problem;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ImportJob", description = "An import answered later: the file is read, stored and its areas' statuses recalculated in the "
        + "background, in one transaction (a failed import stores nothing). Read it again until its state is done or failed.")
public record ImportJobView(
        @Schema(example = "0b9f5c2e-6c1a-4c5e-9a57-2f0c3d1e8a11") String id,
        @Schema(description = "leefbaarometer (POST /api/v1/observations/leefbaarometer), area-registry (POST /api/v1/areas/registry) or "
                + "area-boundaries (POST /api/v1/areas/boundaries).",
                example = "leefbaarometer") ImportJob.Kind kind,
        @Schema(description = "The year of an area-registry or area-boundaries import.", example = "2024") Integer year,
        @Schema(description = "queued, running, done or failed. A job whose service stopped while it was queued or running is failed "
                + "(its heartbeat stopped): nothing of it was stored; send the file again.", example = "running") ImportJob.State state,
        @Schema(description = "The size of the file in bytes.", example = "11534336") long bytes,
        @Schema(description = "Who sent it (the token's name).", example = "admin") String createdBy,
        @Schema(example = "2026-10-02T09:14:03Z") Instant createdAt,
        @Schema(example = "2026-10-02T09:14:03.200Z") Instant startedAt,
        @Schema(example = "2026-10-02T09:14:21Z") Instant finishedAt,
        Progress progress,
        @Schema(description = "When a Leefbaarometer import is done: its answer, as the direct import gives it.")
        LeefbaarometerImportResult leefbaarometerResult,
        @Schema(description = "When an area-registry import is done: its answer, as the direct import gives it.")
        RegistryImportResult registryResult,
        @Schema(description = "When an area-boundaries import is done: its answer, as the direct import gives it (rows are features).")
        BoundaryImportResult boundaryResult,
        @Schema(description = "When failed: the problem details a direct import would have answered (for a refused file, status 400 "
                + "and every bad line: line N (column) and what is wrong with it).")
        Problem problem) {

    @Schema(name = "ImportProgress", description = "How far the job is; rows and areas counted as it goes.")
    public record Progress(
            @Schema(description = "Rows of the file read (blank lines not counted).", example = "65700") int rowsRead,
            @Schema(description = "Of them stored: observations or areas written (rows skipped or refused not counted).", example = "65400")
            int rowsStored,
            @Schema(description = "Areas whose status was recalculated: the changed areas, then the districts and municipalities above them.",
                    example = "0") int areasRecalculated,
            @Schema(description = "An estimate, 0 to 100: reading and storing the file is the first 60, recalculating the statuses the "
                    + "rest; 100 only when done.", example = "30") int percentage) {
    }
}
