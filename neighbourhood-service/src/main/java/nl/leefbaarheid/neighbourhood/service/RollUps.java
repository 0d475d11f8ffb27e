package nl.leefbaarheid.neighbourhood.service;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional.TxType;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.leefbaarheid.neighbourhood.domain.Reasons;
import nl.leefbaarheid.platform.sql.SqlRows;
import nl.leefbaarheid.platform.work.Wakeable;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Rolls up districts and municipalities after the transaction that recalculated their neighbourhoods has committed, so
 * that the measurement consumer's transaction holds only the neighbourhoods (and their status events go out without
 * waiting for the roll-up). The request is a row in {@code pending_rollup}, written in that transaction: it exists if
 * and only if the neighbourhood's change was committed. A roll-up takes the waiting requests (of many consumer batches
 * at once under load, each district and municipality rolled up once for all of them) and deletes them in the
 * transaction that stores the rolled-up statuses: a request is done once, and one that failed (the database away) is
 * taken again. It runs a short delay after a requesting transaction commits (the requests that come meanwhile go with
 * it), and every second for what no wake-up announced;
 * replicas share the requests through {@code for update skip locked}, and the municipality locks of
 * {@link StatusService#rollUp} keep the roll-ups of one municipality one after the other.
 */
@ApplicationScoped
public class RollUps {

    private static final Logger LOG = Logger.getLogger(RollUps.class);

    static final String REQUEST = """
            insert into pending_rollup (neighbourhood_code, measurement_id, trace_parent)
            select * from unnest(?::varchar[], ?::varchar[], ?::varchar[])""";

    /**
     * Takes the oldest requests no other roll-up holds. The rows taken are deleted by their physical address (a TID
     * scan), a plan that does not depend on what the planner believes of the table's size: the table is empty most of
     * the time and its statistics say so, and {@code where id in (...)} was then planned as a loop over every row for
     * every request taken (44 s for 62,000 requests in a benchmark).
     */
    static final String TAKE = """
            delete from pending_rollup
             where ctid = any(array(select ctid from pending_rollup order by id limit ? for update skip locked))
            returning id, neighbourhood_code, measurement_id, trace_parent""";

    @Inject
    EntityManager em;

    @Inject
    StatusService statuses;

    @Inject
    TransactionSynchronizationRegistry transactions;

    /**
     * Requests taken at most per roll-up. A roll-up costs by the municipalities it touches, not by its requests (one per
     * measurement), so it takes what is waiting: fast streams of many measurements per neighbourhood are rolled up at
     * the pace they come.
     */
    @ConfigProperty(name = "neighbourhood.status.roll-up-batch-size", defaultValue = "50000")
    int batchSize;

    /**
     * How long a roll-up waits, once woken, before it takes the requests. Measurements come in streams (a survey's results,
     * an inspection round), mostly of a few municipalities at a time: without the wait each consumer batch rolled up the
     * same districts and municipalities again, each time with a new version and status event of its own. With it, a
     * district takes the measurements of this time in one version, at most this much later.
     */
    @ConfigProperty(name = "neighbourhood.status.roll-up-delay", defaultValue = "500ms")
    Duration delay;

    private final Wakeable worker = new Wakeable("status-roll-up", this::rollUpAll);

    @Inject
    void registerBacklogGauge(MeterRegistry registry) {
        Gauge.builder("status.rollups.pending", this, rollUps -> rollUps.pending())
                .description("Neighbourhood changes whose district and municipality are not yet rolled up").register(registry);
    }

    /**
     * Asks for the districts and municipalities of these neighbourhoods to be rolled up once the current transaction
     * has committed, for the measurements the reasons name (the reason and trace of the rolled-up statuses).
     */
    @Transactional(TxType.MANDATORY)
    public void request(Collection<String> neighbourhoods, Reasons reasons) {
        if (neighbourhoods.isEmpty()) {
            return;
        }
        List<String> codes = new ArrayList<>();
        List<String> measurements = new ArrayList<>();
        List<String> traceParents = new ArrayList<>();
        for (String code : neighbourhoods) {
            List<String> ids = reasons.measurementsOf(code);
            if (ids.isEmpty()) { // a neighbourhood recalculated for a complex's measurement only
                codes.add(code);
                measurements.add(null);
                traceParents.add(null);
            }
            for (String id : ids) {
                codes.add(code);
                measurements.add(id);
                traceParents.add(reasons.traceParentOf(id));
            }
        }
        SqlRows.update(em, REQUEST, List.of(codes.toArray(String[]::new), measurements.toArray(String[]::new),
                traceParents.toArray(String[]::new)));
        worker.wakeAfterCommit(transactions);
    }

    /** Rolls up now, on the roll-up's own thread, one run at a time; a wake-up during a run gives one more run. */
    public void wake() {
        worker.wake();
    }

    /** Picks up what no wake-up announced: requests of a failed run, or of another instance that stopped. */
    @Scheduled(every = "${neighbourhood.status.roll-up-interval:1s}", skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void poll() {
        wake();
    }

    void rollUpAll() {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        try {
            while (QuarkusTransaction.requiringNew().call(this::rollUpBatch) == batchSize) {
                // a full batch: there may be more waiting
            }
        } catch (RuntimeException e) {
            LOG.warnf("Roll-up of districts and municipalities paused, the requests wait: %s", e.getMessage());
        }
    }

    /** Takes up to a batch of requests and rolls them up, in the caller's transaction; returns how many it took. */
    int rollUpBatch() {
        long started = System.nanoTime();
        List<Request> taken = new ArrayList<>(SqlRows.query(em, TAKE, List.of(batchSize),
                row -> new Request(row.getLong(1), row.getString(2), row.getString(3), row.getString(4))));
        if (taken.isEmpty()) {
            return 0;
        }
        taken.sort(Comparator.comparingLong(Request::id)); // in the order asked: a subject's trace is its last measurement's
        Map<String, List<String>> byNeighbourhood = new LinkedHashMap<>();
        Map<String, String> traceParents = new HashMap<>();
        for (Request request : taken) {
            List<String> ids = byNeighbourhood.computeIfAbsent(request.neighbourhood(), code -> new ArrayList<>());
            if (request.measurementId() != null) {
                ids.add(request.measurementId());
                if (request.traceParent() != null) {
                    traceParents.put(request.measurementId(), request.traceParent());
                }
            }
        }
        int changed = statuses.rollUp(byNeighbourhood.keySet(), Reasons.measurements(byNeighbourhood, Map.of(), traceParents));
        LOG.debugf("rolled up the districts and municipalities of %d neighbourhoods (%d requests) in %d ms; %d statuses changed",
                byNeighbourhood.size(), taken.size(), (System.nanoTime() - started) / 1_000_000, changed);
        return taken.size();
    }

    /** A row of {@code pending_rollup}. */
    private record Request(long id, String neighbourhood, String measurementId, String traceParent) {
    }

    long pending() {
        try {
            return ((Number) em.createNativeQuery("select count(*) from pending_rollup").getSingleResult()).longValue();
        } catch (RuntimeException e) {
            return -1;
        }
    }

    void close(@Observes ShutdownEvent event) throws InterruptedException {
        worker.stop(10);
    }
}
