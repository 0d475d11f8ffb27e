package nl.leefbaarheid.platform.events;

import java.sql.SQLException;
import java.time.Duration;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Repeats a consumer's work while the failure is transient (the database unreachable), with a growing pause,
 * so that a message is never dead-lettered or skipped because PostgreSQL restarted.
 */
public final class Retry {

    private static final Logger LOG = Logger.getLogger(Retry.class);

    private Retry() {
    }

    public static <T> T whileTransient(Supplier<T> work, Duration giveUpAfter) {
        long deadline = System.nanoTime() + giveUpAfter.toNanos();
        long pauseMillis = 200;
        while (true) {
            try {
                return work.get();
            } catch (RuntimeException e) {
                if (!transientFailure(e) || System.nanoTime() > deadline) {
                    throw e;
                }
                LOG.warnf("database unreachable (%s); retrying in %d ms", e.getMessage(), pauseMillis);
                try {
                    Thread.sleep(pauseMillis);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
                pauseMillis = Math.min(pauseMillis * 2, 5_000);
            }
        }
    }

    /** Connection failures (SQL state class 08, 57P) and pool timeouts, anywhere in the cause chain. */
    public static boolean transientFailure(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
            if (cause instanceof java.sql.SQLTransientConnectionException
                    || cause.getClass().getName().endsWith("JDBCConnectionException")) {
                return true;
            }
        }
        return false;
    }
}
