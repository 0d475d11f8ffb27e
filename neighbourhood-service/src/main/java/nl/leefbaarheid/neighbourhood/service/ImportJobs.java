package nl.leefbaarheid.neighbourhood.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import nl.leefbaarheid.neighbourhood.api.BoundaryImportResult;
import nl.leefbaarheid.neighbourhood.api.ImportJobView;
import nl.leefbaarheid.neighbourhood.api.LeefbaarometerImportResult;
import nl.leefbaarheid.neighbourhood.api.RegistryImportResult;
import nl.leefbaarheid.neighbourhood.domain.ImportJob;
import nl.leefbaarheid.neighbourhood.domain.ImportProgress;
import nl.leefbaarheid.neighbourhood.importing.SpooledFile;
import nl.leefbaarheid.platform.problem.Problem;
import nl.leefbaarheid.platform.problem.ProblemException;
import nl.leefbaarheid.platform.problem.ProblemMappers;
import nl.leefbaarheid.platform.sql.SqlRows;
import nl.leefbaarheid.platform.work.Wakeable;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Imports answered later: each is a row of {@code import_job}, so that any instance, also after a restart, answers for
 * it. The file waits as a temporary file of the instance that accepted it, which runs its jobs one at a time on a thread
 * of its own ({@link Wakeable}), each in one transaction with the import itself: the job is done exactly when what it
 * stored is committed, and a job that fails stores nothing.
 *
 * <p>While it has jobs, an instance says so every {@code neighbourhood.imports.heartbeat} (and writes the progress of the
 * one it runs). A job whose heartbeat stopped for longer than {@code neighbourhood.imports.stale-after} is failed, on
 * start and at every heartbeat of any instance ({@link ImportJob#effective}): its service stopped, and with it the
 * import's transaction. A service that stops in an orderly way fails its own jobs at once.
 */
@ApplicationScoped
public class ImportJobs {

    private static final Logger LOG = Logger.getLogger(ImportJobs.class);

    static final String INSERT = """
            insert into import_job (id, kind, year, state, created_by, instance_id, bytes, created_at, heartbeat_at)
            values (cast(? as uuid), ?, cast(? as integer), 'queued', ?, ?, ?, now(), now())""";
    /** The oldest job this instance has queued, now running. */
    static final String TAKE = """
            update import_job set state = 'running', started_at = now(), heartbeat_at = now()
             where id = (select id from import_job where instance_id = ? and state = 'queued' order by created_at limit 1
                         for update skip locked)
            returning cast(id as text), kind, year""";
    static final String READ = """
            select cast(id as text), kind, year, state, bytes, created_by, created_at, started_at, finished_at, heartbeat_at,
                   rows_read, rows_stored, areas_recalculated, percentage, result, problem
              from import_job where id = cast(? as uuid)""";
    /** Done, in the import's own transaction; not when it was failed meanwhile (the service stopping). */
    static final String FINISH = """
            update import_job set state = 'done', finished_at = now(), result = ?, rows_read = ?, rows_stored = ?,
                                  areas_recalculated = ?, percentage = 100
             where id = cast(? as uuid) and state = 'running'""";
    static final String FAIL = """
            update import_job set state = 'failed', finished_at = now(), problem = ?, rows_read = ?, rows_stored = ?,
                                  areas_recalculated = ?, percentage = ?
             where id = cast(? as uuid) and state in ('queued', 'running')""";
    static final String HEARTBEAT = """
            update import_job set heartbeat_at = now() where instance_id = ? and state in ('queued', 'running')""";
    static final String PROGRESS = """
            update import_job set rows_read = ?, rows_stored = ?, areas_recalculated = ?, percentage = ?
             where id = cast(? as uuid) and state = 'running'""";
    /** Jobs of an instance that stopped (any instance's, when its heartbeat is too old; this one's, when it stops). */
    static final String FAIL_STALE = """
            update import_job set state = 'failed', finished_at = now(), problem = ?
             where state in ('queued', 'running') and (heartbeat_at < ? or instance_id = ?)""";
    static final String FORGET = "delete from import_job where state in ('done', 'failed') and finished_at < ?";

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @Inject
    ImportService imports;

    @Inject
    RegistryService registry;

    @Inject
    BoundaryService boundaries;

    /** Bodies above this size are always answered as a job ({@link ImportJob#asJob}). */
    @ConfigProperty(name = "neighbourhood.imports.job-above")
    MemorySize jobAbove;

    /** Where the files of queued and running jobs wait. */
    @ConfigProperty(name = "neighbourhood.imports.folder")
    String folder;

    @ConfigProperty(name = "neighbourhood.imports.stale-after")
    Duration staleAfter;

    /** Done and failed jobs are deleted once they finished longer ago than this. */
    @ConfigProperty(name = "neighbourhood.imports.keep")
    Duration keep;

    /** This instance, in the rows of the jobs it accepted. */
    final String instance = UUID.randomUUID().toString();
    /** The jobs of this instance, queued or running: their files, and how far they are. */
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final Wakeable worker = new Wakeable("import-jobs", this::runQueued);
    private volatile boolean stopping;

    private record Pending(SpooledFile file, ImportProgress progress) {
    }

    /** A job taken to run. */
    private record Taken(String id, ImportJob.Kind kind, Integer year) {
    }

    public boolean asJob(String prefer, long bytes) {
        return ImportJob.asJob(prefer, bytes, jobAbove.asLongValue());
    }

    /** The folder of spooled request bodies. */
    public Path folder() {
        return Path.of(folder);
    }

    /** Imports a file now, in a transaction of its own; closes the file. */
    public Object importNow(ImportJob.Kind kind, Integer year, SpooledFile file) {
        try (file; Reader text = file.reader(bytes -> { })) {
            ImportProgress progress = new ImportProgress(file.size());
            return QuarkusTransaction.requiringNew().timeout(ImportService.IMPORT_TIMEOUT_SECONDS).call(() -> importFile(kind, year, text, progress));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The import of a file, in the caller's transaction. */
    private Object importFile(ImportJob.Kind kind, Integer year, Reader text, ImportProgress progress) {
        return switch (kind) {
            case LEEFBAAROMETER -> imports.importLeefbaarometer(text, progress);
            case AREA_REGISTRY -> registry.importCsv(year, text, progress);
            case AREA_BOUNDARIES -> boundaries(year, text, progress);
        };
    }

    private Object boundaries(Integer year, Reader text, ImportProgress progress) {
        try {
            return boundaries.importFile(year, text, progress);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Queues an import of a file (which the job now owns) and starts it when this instance's earlier jobs are done. */
    public ImportJobView submit(ImportJob.Kind kind, Integer year, SpooledFile file, String createdBy) {
        String id = UUID.randomUUID().toString();
        try {
            if (kind == ImportJob.Kind.AREA_BOUNDARIES) { // a body that is no FeatureCollection is refused now, not as a failed job
                try (Reader start = file.reader(bytes -> { })) {
                    boundaries.checkStart(start);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            QuarkusTransaction.requiringNew().run(() -> SqlRows.update(em, INSERT, Arrays.asList(id, kind.code(),
                    year, createdBy, instance, file.size())));
        } catch (RuntimeException e) {
            file.close();
            throw e;
        }
        pending.put(id, new Pending(file, new ImportProgress(file.size())));
        worker.wake();
        return QuarkusTransaction.requiringNew().call(() -> find(id));
    }

    /** A job as it is now; 404 when there is none (or it was forgotten, {@code neighbourhood.imports.keep} after it finished). */
    @Transactional(TxType.SUPPORTS)
    public ImportJobView find(String id) {
        List<ImportJobView> found = SqlRows.query(em, READ, List.of(id), this::view);
        if (found.isEmpty()) {
            throw ProblemException.notFound("import job", id);
        }
        return found.get(0);
    }

    /** Runs the queued jobs of this instance, one after the other, until none is left. */
    void runQueued() {
        while (!stopping) {
            Taken job = QuarkusTransaction.requiringNew().call(() -> {
                List<Taken> taken = SqlRows.query(em, TAKE, List.of(instance),
                        row -> new Taken(row.getString(1), ImportJob.Kind.ofCode(row.getString(2)), (Integer) row.getObject(3)));
                return taken.isEmpty() ? null : taken.get(0);
            });
            if (job == null) {
                return;
            }
            run(job);
        }
    }

    private void run(Taken job) {
        Pending running = pending.get(job.id());
        if (running == null) { // its file is gone: not this instance's to run after all
            fail(job.id(), ProblemMappers.problemOf(new IllegalStateException("import job without its file"), "/api/v1/imports/" + job.id()),
                    new ImportProgress(0));
            return;
        }
        long started = System.nanoTime();
        try (SpooledFile file = running.file(); Reader text = file.reader(running.progress()::bytesRead)) {
            QuarkusTransaction.requiringNew().timeout(ImportService.IMPORT_TIMEOUT_SECONDS).run(() -> {
                Object result = importFile(job.kind(), job.year(), text, running.progress());
                ImportProgress p = running.progress();
                if (SqlRows.update(em, FINISH, List.of(write(result), p.rowsRead(), p.rowsStored(), p.areasRecalculated(), job.id())) == 0) {
                    throw new ImportProgress.Stopped(); // failed meanwhile: this transaction must not commit
                }
            });
            LOG.infof("Import job %s (%s) done in %d ms", job.id(), job.kind().code(), (System.nanoTime() - started) / 1_000_000);
        } catch (IOException | RuntimeException e) {
            if (stopped(e)) {
                LOG.infof("Import job %s (%s) stopped with the service; nothing of it was stored", job.id(), job.kind().code());
                return;
            }
            Problem problem = ProblemMappers.problemOf(e, "/api/v1/imports/" + job.id());
            LOG.infof("Import job %s (%s) failed: %s", job.id(), job.kind().code(), problem.detail());
            fail(job.id(), problem, running.progress());
        } finally {
            pending.remove(job.id());
        }
    }

    private static boolean stopped(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ImportProgress.Stopped) {
                return true;
            }
        }
        return false;
    }

    private void fail(String id, Problem problem, ImportProgress progress) {
        QuarkusTransaction.requiringNew().run(() -> SqlRows.update(em, FAIL, List.of(write(problem), progress.rowsRead(),
                progress.rowsStored(), progress.areasRecalculated(), progress.percentage(), id)));
    }

    /**
     * While this instance has jobs: their heartbeat and the progress of the one running. Always: the jobs of instances
     * that stopped are failed, and old finished ones forgotten.
     */
    @Scheduled(every = "${neighbourhood.imports.heartbeat}", skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void beat() {
        QuarkusTransaction.requiringNew().run(() -> {
            if (!pending.isEmpty()) {
                SqlRows.update(em, HEARTBEAT, List.of(instance));
                pending.forEach((id, job) -> {
                    ImportProgress p = job.progress();
                    SqlRows.update(em, PROGRESS, List.of(p.rowsRead(), p.rowsStored(), p.areasRecalculated(), p.percentage(), id));
                });
            }
            failStale("");
        });
    }

    void onStart(@Observes StartupEvent event) {
        try {
            QuarkusTransaction.requiringNew().run(() -> failStale(""));
        } catch (RuntimeException e) {
            LOG.warnf("Could not look for import jobs of stopped instances now (the next heartbeat will): %s", e.getMessage());
        }
    }

    /** Fails the jobs whose heartbeat is stale, and those of the given instance; forgets the old finished ones. */
    private void failStale(String stoppedInstance) {
        Instant now = Instant.now();
        SqlRows.update(em, FAIL_STALE, List.of(write(stopped()), Timestamp.from(now.minus(staleAfter)), stoppedInstance));
        SqlRows.update(em, FORGET, List.of(Timestamp.from(now.minus(keep))));
    }

    private static Problem stopped() {
        return new Problem(Problem.TYPE_BASE + "import-interrupted", "Import interrupted", 503, "The service stopped before the "
                + "import was done; nothing of it was stored. Send the file again.", null, List.of());
    }

    /** Stops taking jobs, fails those of this instance (their files go with it) and stops the one running. */
    void close(@Observes ShutdownEvent event) throws InterruptedException {
        stopping = true;
        pending.values().forEach(job -> job.progress().stop());
        try {
            QuarkusTransaction.requiringNew().run(() -> failStale(instance));
        } catch (RuntimeException e) {
            LOG.warnf("Could not mark the import jobs of this instance failed (their heartbeat will): %s", e.getMessage());
        }
        worker.stop(10);
        pending.values().forEach(job -> job.file().close());
    }

    private ImportJobView view(ResultSet row) throws SQLException {
        ImportJob.Kind kind = ImportJob.Kind.ofCode(row.getString(2));
        ImportJob.State state = ImportJob.effective(ImportJob.State.ofCode(row.getString(4)), row.getTimestamp(10).toInstant(),
                Instant.now(), staleAfter);
        String result = row.getString(15);
        String problem = row.getString(16);
        if (state == ImportJob.State.FAILED && problem == null) {
            problem = write(stopped()); // its heartbeat is stale, and no one marked it failed yet
        }
        return new ImportJobView(row.getString(1), kind, (Integer) row.getObject(3), state, row.getLong(5), row.getString(6),
                instant(row.getTimestamp(7)), instant(row.getTimestamp(8)), instant(row.getTimestamp(9)),
                new ImportJobView.Progress(row.getInt(11), row.getInt(12), row.getInt(13), row.getInt(14)),
                result != null && kind == ImportJob.Kind.LEEFBAAROMETER ? read(result, LeefbaarometerImportResult.class) : null,
                result != null && kind == ImportJob.Kind.AREA_REGISTRY ? read(result, RegistryImportResult.class) : null,
                result != null && kind == ImportJob.Kind.AREA_BOUNDARIES ? read(result, BoundaryImportResult.class) : null,
                problem == null ? null : read(problem, Problem.class));
    }

    private static Instant instant(Timestamp at) {
        return at == null ? null : at.toInstant();
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T read(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored import answer is unreadable", e);
        }
    }
}
