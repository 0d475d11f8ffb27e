package nl.leefbaarheid.partner.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import nl.leefbaarheid.partner.domain.WebhookPolicy;
import nl.leefbaarheid.partner.domain.WebhookSignature;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Delivers signals to webhooks: every due delivery is claimed (so that several instances never send one
 * twice), sent without waiting (each request has its own timeout, so a slow or hanging receiver delays
 * nobody else) and recorded when it answers. Failures are retried with a doubling pause; after the maximum
 * number of attempts the webhook is paused, visible to its owner, until it is resumed.
 */
@ApplicationScoped
public class DeliveryWorker {

    private static final Logger LOG = Logger.getLogger(DeliveryWorker.class);
    static final int BATCH = 200;

    @Inject
    EntityManager em;

    @ConfigProperty(name = "partner.webhooks.timeout")
    Duration timeout;

    @ConfigProperty(name = "partner.webhooks.first-retry")
    Duration firstRetry;

    @ConfigProperty(name = "partner.webhooks.max-attempts")
    int maxAttempts;

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    record Due(long id, String url, String secret, String type, String body, int attempts) {
    }

    @Scheduled(every = "${partner.webhooks.poll:0.5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void dispatch() {
        List<Due> due = QuarkusTransaction.requiringNew().call(this::claim);
        for (Due delivery : due) {
            long timestamp = Instant.now().getEpochSecond();
            HttpRequest request = HttpRequest.newBuilder(URI.create(delivery.url())).timeout(timeout)
                    .header("Content-Type", "application/json")
                    .header("X-Leefbaarheid-Delivery", Long.toString(delivery.id()))
                    .header("X-Leefbaarheid-Signal-Type", delivery.type())
                    .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
                    .header(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(delivery.secret(), timestamp, delivery.body()))
                    .POST(HttpRequest.BodyPublishers.ofString(delivery.body())).build();
            client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
                try {
                    record(delivery, response == null ? null : response.statusCode(), failure);
                } catch (RuntimeException e) {
                    LOG.errorf(e, "could not record delivery %d; it will be tried again", delivery.id());
                }
            });
        }
    }

    /** Claims due deliveries of active webhooks: they are not due again until this attempt's outcome is known. */
    List<Due> claim() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select d.id, w.url, w.secret, s.type, cast(s.payload as text), d.attempts
                  from delivery d join webhook w on w.id = d.webhook_id join signal s on s.id = d.signal_id
                 where d.status = 'PENDING' and d.next_attempt_at <= now() and not w.paused
                 order by d.id limit :batch for update of d skip locked""").setParameter("batch", BATCH).getResultList();
        if (rows.isEmpty()) {
            return List.of();
        }
        List<Long> ids = rows.stream().map(r -> ((Number) r[0]).longValue()).toList();
        em.createNativeQuery("update delivery set next_attempt_at = :lease where id = any(cast(:ids as bigint[]))")
                .setParameter("lease", Instant.now().plus(timeout.multipliedBy(3)).plusSeconds(5))
                .setParameter("ids", ids.toArray(Long[]::new)).executeUpdate();
        return rows.stream().map(r -> new Due(((Number) r[0]).longValue(), (String) r[1], (String) r[2], (String) r[3],
                (String) r[4], ((Number) r[5]).intValue())).toList();
    }

    void record(Due delivery, Integer status, Throwable failure) {
        boolean delivered = failure == null && status != null && status >= 200 && status < 300;
        QuarkusTransaction.requiringNew().run(() -> {
            if (delivered) {
                em.createNativeQuery("""
                        update delivery set status = 'DELIVERED', attempts = attempts + 1, last_status = :st, last_error = null,
                               delivered_at = now() where id = :id""").setParameter("st", status).setParameter("id", delivery.id())
                        .executeUpdate();
                return;
            }
            int attempts = delivery.attempts() + 1;
            String error = failure != null ? describe(failure) : "the receiver answered " + status;
            boolean giveUp = attempts >= maxAttempts;
            em.createNativeQuery("""
                    update delivery set status = :state, attempts = :a, last_status = :st, last_error = :e, next_attempt_at = :next
                     where id = :id""").setParameter("state", giveUp ? "FAILED" : "PENDING").setParameter("a", attempts)
                    .setParameter("st", status).setParameter("e", error.length() > 500 ? error.substring(0, 500) : error)
                    .setParameter("next", Instant.now().plus(WebhookPolicy.backoff(firstRetry, attempts)))
                    .setParameter("id", delivery.id()).executeUpdate();
            if (giveUp) {
                em.createNativeQuery("""
                        update webhook set paused = true, paused_reason = :reason
                         where id = (select webhook_id from delivery where id = :id)""")
                        .setParameter("reason", "Paused after " + attempts + " failed attempts of delivery " + delivery.id() + ": " + error)
                        .setParameter("id", delivery.id()).executeUpdate();
                LOG.warnf("webhook of delivery %d paused after %d failed attempts: %s", delivery.id(), attempts, error);
            }
        });
    }

    private static String describe(Throwable failure) {
        Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }
}
