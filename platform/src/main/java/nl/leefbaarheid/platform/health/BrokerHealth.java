package nl.leefbaarheid.platform.health;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.health.api.HealthGroup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import nl.leefbaarheid.platform.kafka.KafkaClients;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * Whether the Kafka broker answers, in a health group of its own ({@code /q/health/group/kafka}) and as the gauge
 * {@code kafka.broker.reachable} (1 or 0): a broker outage is visible there, and never in readiness or liveness, so
 * Kubernetes keeps every pod in its Service while the outbox holds the events. Checked on a thread of its own every five
 * seconds; the probe answers from the last check at once.
 */
@HealthGroup("kafka")
@ApplicationScoped
public class BrokerHealth implements HealthCheck {

    static final Duration STALE = Duration.ofSeconds(20);

    @Inject
    KafkaClients kafka;

    private Admin admin;
    private volatile Instant lastContact;
    private volatile String lastError = "not checked yet";
    private volatile int brokers;

    @Inject
    void registerGauge(MeterRegistry registry) {
        Gauge.builder("kafka.broker.reachable", this, health -> health.reachable() ? 1 : 0)
                .description("1 while the Kafka broker answers the service, 0 while it does not").register(registry);
    }

    @Scheduled(every = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    synchronized void check() {
        try {
            if (admin == null) {
                admin = kafka.admin("health", Map.of(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3_000,
                        AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3_000));
            }
            brokers = admin.describeCluster().nodes().get(4, TimeUnit.SECONDS).size();
            lastContact = Instant.now();
            lastError = null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            lastError = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        }
    }

    boolean reachable() {
        Instant contact = lastContact;
        return lastError == null && contact != null && contact.isAfter(Instant.now().minus(STALE));
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("kafka-broker").status(reachable());
        if (lastContact != null) {
            response.withData("lastContact", lastContact.toString()).withData("brokers", brokers);
        }
        if (lastError != null) {
            response.withData("error", lastError);
        }
        return response.build();
    }

    synchronized void close(@Observes ShutdownEvent event) {
        if (admin != null) {
            admin.close(Duration.ofSeconds(2));
        }
    }
}
