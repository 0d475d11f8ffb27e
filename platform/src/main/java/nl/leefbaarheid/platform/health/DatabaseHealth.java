package nl.leefbaarheid.platform.health;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness is the database, and only the database: without it a service answers nothing but 503s, while without the
 * broker it goes on reading and writing (its outbox keeps the events). The database is checked on a thread of its own
 * every two seconds, and the probe answers from the last check at once, so a database that hangs never makes the probe
 * hang: the service is not ready when the last check failed, or when no check has succeeded for ten seconds.
 */
@Readiness
@ApplicationScoped
public class DatabaseHealth implements HealthCheck {

    static final Duration STALE = Duration.ofSeconds(10);

    @Inject
    AgroalDataSource database;

    private volatile Instant lastSuccess;
    private volatile String lastError = "not checked yet";

    void onStart(@Observes StartupEvent start) {
        check();
    }

    @Scheduled(every = "2s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void check() {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(2);
            statement.execute("select 1");
            lastSuccess = Instant.now();
            lastError = null;
        } catch (Exception e) {
            lastError = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
    }

    @Override
    public HealthCheckResponse call() {
        Instant success = lastSuccess;
        String error = lastError;
        boolean up = error == null && success != null && success.isAfter(Instant.now().minus(STALE));
        var response = HealthCheckResponse.named("database").status(up);
        if (success != null) {
            response.withData("lastSuccess", success.toString());
        }
        if (error != null) {
            response.withData("error", error);
        }
        return response.build();
    }
}
