package nl.leefbaarheid.partner.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.StreamResetException;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.net.ConnectException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;
import nl.leefbaarheid.partner.domain.WebhookPolicy;
import nl.leefbaarheid.partner.domain.WebhookSignature;
import nl.leefbaarheid.partner.domain.WebhookTarget;
import nl.leefbaarheid.partner.domain.WebhookTargetPolicy;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Delivers signals to webhooks: every due delivery is claimed (so that several instances never send one
 * twice), its target checked again by the policy (a name that now resolves to a forbidden address is refused before
 * any connection; otherwise the connection goes to the address just checked), sent without waiting (each request has
 * its own timeout, so a slow or hanging receiver delays nobody else) and recorded when it answers. Failures are
 * retried with a doubling pause; after the maximum number of attempts the webhook is paused, visible to its owner,
 * until it is resumed.
 */
@ApplicationScoped
public class DeliveryWorker {

    private static final Logger LOG = Logger.getLogger(DeliveryWorker.class);
    static final int BATCH = 200;

    @Inject
    EntityManager em;

    @Inject
    Vertx vertx;

    @Inject
    WebhookTargetPolicy targets;

    @ConfigProperty(name = "partner.webhooks.timeout")
    Duration timeout;

    @ConfigProperty(name = "partner.webhooks.first-retry")
    Duration firstRetry;

    @ConfigProperty(name = "partner.webhooks.max-attempts")
    int maxAttempts;

    private WebhookSender sender;

    record Due(long id, String url, String secret, String previousSecret, String type, String body, int attempts) {
    }

    @PostConstruct
    void start() {
        sender = new WebhookSender(vertx, WebhookSender.options());
    }

    @PreDestroy
    void stop() {
        sender.close();
    }

    @Scheduled(every = "${partner.webhooks.poll:0.5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void dispatch() {
        List<Due> due = QuarkusTransaction.requiringNew().call(this::claim);
        // checked again at every delivery (once per URL and round), and the connection goes to the address checked now
        Map<String, Checked> checked = new HashMap<>();
        for (Due delivery : due) {
            Checked check = checked.computeIfAbsent(delivery.url(), this::check);
            if (check.refusal() != null) {
                recordSafely(delivery, null, "refused before connecting: " + check.refusal());
                continue;
            }
            WebhookTarget target = check.target();
            long timestamp = Instant.now().getEpochSecond();
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Content-Type", "application/json");
            headers.put("X-Leefbaarheid-Delivery", Long.toString(delivery.id()));
            headers.put("X-Leefbaarheid-Signal-Type", delivery.type());
            headers.put(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp));
            headers.put(WebhookSignature.SIGNATURE_HEADER,
                    WebhookSignature.header(delivery.secret(), delivery.previousSecret(), timestamp, delivery.body()));
            sender.post(target, target.addresses().get(0), headers, delivery.body(), timeout).toCompletionStage()
                    // recorded on a worker thread: the answer arrives on an event loop, which must not wait for the database
                    .whenCompleteAsync((status, failure) -> recordSafely(delivery, status, failure == null ? null : describe(failure)),
                            Infrastructure.getDefaultWorkerPool());
        }
    }

    /** A target as the policy saw it just now: where to connect, or why not. */
    record Checked(WebhookTarget target, String refusal) {
    }

    private Checked check(String url) {
        try {
            return new Checked(targets.check(url), null);
        } catch (WebhookTargetPolicy.Refused refused) {
            return new Checked(null, refused.reason());
        }
    }

    private void recordSafely(Due delivery, Integer status, String error) {
        try {
            record(delivery, status, error);
        } catch (RuntimeException e) {
            LOG.errorf(e, "could not record delivery %d; it will be tried again", delivery.id());
        }
    }

    /** Claims due deliveries of active webhooks: they are not due again until this attempt's outcome is known. */
    List<Due> claim() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select d.id, w.url, w.secret, case when w.previous_secret_until > now() then w.previous_secret end,
                       s.type, cast(s.payload as text), d.attempts
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
                (String) r[4], (String) r[5], ((Number) r[6]).intValue())).toList();
    }

    /** The outcome of an attempt: the status the receiver answered, or our own short reason (never the receiver's words). */
    void record(Due delivery, Integer status, String failure) {
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
            String error = failure != null ? failure : "the receiver answered " + status;
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

    /** A failure in words of our own: no exception text, which could carry what the receiver sent. */
    static String describe(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof TimeoutException) {
            return "no answer within the timeout";
        }
        if (cause instanceof ConnectException) {
            return "could not connect";
        }
        if (cause instanceof SSLException) {
            return "the TLS handshake failed (certificate or protocol)";
        }
        if (cause instanceof HttpClosedException || cause instanceof StreamResetException) {
            return "the connection closed before a complete answer";
        }
        return "the delivery failed (" + cause.getClass().getSimpleName() + ")";
    }
}
