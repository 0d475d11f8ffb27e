package nl.leefbaarheid.platform.work;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Work that runs on a thread of its own when woken, one run at a time: a wake-up during a run gives one more run, and
 * any number of wake-ups while it waits give one. The outbox relay runs this way (and neighbourhood-service's status
 * roll-ups), woken when a transaction that left it work has committed.
 */
public final class Wakeable {

    private final Runnable work;
    private final ExecutorService thread;
    private final AtomicBoolean requested = new AtomicBoolean();
    /** Marks a transaction that wakes this work when it commits. */
    private final Object marker = new Object();

    public Wakeable(String threadName, Runnable work) {
        this.work = work;
        this.thread = Executors.newSingleThreadExecutor(runnable -> {
            Thread t = new Thread(runnable, threadName);
            t.setDaemon(true);
            return t;
        });
    }

    /** Runs the work now, on its own thread (or once more after the run under way). */
    public void wake() {
        if (requested.compareAndSet(false, true)) {
            try {
                thread.execute(() -> {
                    requested.set(false);
                    work.run();
                });
            } catch (RejectedExecutionException stopping) {
                requested.set(false);
            }
        }
    }

    /** Wakes the work once the current transaction has committed: once, however often a transaction asks. */
    public void wakeAfterCommit(TransactionSynchronizationRegistry transactions) {
        if (transactions.getResource(marker) != null) {
            return;
        }
        transactions.putResource(marker, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    wake();
                }
            }
        });
    }

    /** Takes no more runs and waits up to the given seconds for the one under way. */
    public void stop(long seconds) throws InterruptedException {
        thread.shutdown();
        thread.awaitTermination(seconds, TimeUnit.SECONDS);
    }
}
