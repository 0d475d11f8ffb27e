package nl.leefbaarheid.partner.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional.TxType;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import nl.leefbaarheid.partner.api.DeliveryView;
import nl.leefbaarheid.partner.api.NewWebhook;
import nl.leefbaarheid.partner.api.SecretRotation;
import nl.leefbaarheid.partner.api.WebhookChange;
import nl.leefbaarheid.partner.api.WebhookView;
import nl.leefbaarheid.partner.domain.WebhookTargetPolicy;
import nl.leefbaarheid.platform.paging.Page;
import nl.leefbaarheid.platform.paging.PageRequest;
import nl.leefbaarheid.platform.problem.Problem;
import nl.leefbaarheid.platform.problem.ProblemException;
import nl.leefbaarheid.platform.security.Caller;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Webhook subscriptions of partner organisations: their owners see them with their delivery record. */
@ApplicationScoped
@Transactional(TxType.SUPPORTS)
public class WebhookService {

    @Inject
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    ObjectMapper json;

    @Inject
    WebhookTargetPolicy targets;

    @ConfigProperty(name = "partner.webhooks.secret-grace")
    Duration secretGrace;

    @Transactional(TxType.REQUIRED)
    public WebhookView create(NewWebhook request) {
        String organisation = caller.isAdmin() ? request.organisationId() : caller.organisationId().orElse(null);
        if (!caller.isAdmin() && request.organisationId() != null && !request.organisationId().equals(organisation)) {
            throw ProblemException.forbidden("A partner subscribes webhooks for its own organisation only.");
        }
        if (organisation == null) {
            throw ProblemException.invalid("organisationId", "is required when an admin subscribes a webhook");
        }
        checkTarget(request.url());
        if (em.createNativeQuery("select 1 from organisation where id = :o").setParameter("o", organisation).getResultList().isEmpty()) {
            throw ProblemException.invalid("organisationId", "no partner organisation " + organisation);
        }
        UUID id = UUID.randomUUID();
        em.createNativeQuery("insert into webhook (id, organisation_id, url, secret, types) values (:id, :o, :u, :s, cast(:t as jsonb))")
                .setParameter("id", id).setParameter("o", organisation).setParameter("u", request.url())
                .setParameter("s", request.secret()).setParameter("t", write(new ArrayList<>(new LinkedHashSet<>(request.types()))))
                .executeUpdate();
        return get(id);
    }

    /** Refused targets are never stored: 400 for a URL wrong as written, 422 for one that points where webhooks may not go. */
    private void checkTarget(String url) {
        try {
            targets.check(url);
        } catch (WebhookTargetPolicy.Refused refused) {
            if (refused.malformed()) {
                throw ProblemException.invalid("url", refused.reason());
            }
            throw ProblemException.unprocessable("The webhook's URL points where webhooks may not send.",
                    List.of(new Problem.FieldError("url", refused.reason())));
        }
    }

    public Page<WebhookView> list(PageRequest page) {
        String where = " from webhook where :admin or organisation_id = :o";
        long total = ((Number) em.createNativeQuery("select count(*)" + where).setParameter("admin", caller.isAdmin())
                .setParameter("o", caller.organisationId().orElse("-")).getSingleResult()).longValue();
        @SuppressWarnings("unchecked")
        List<UUID> ids = em.createNativeQuery("select id" + where + " order by created_at, id limit :size offset :offset")
                .setParameter("admin", caller.isAdmin()).setParameter("o", caller.organisationId().orElse("-"))
                .setParameter("size", page.size).setParameter("offset", page.page * page.size).getResultList();
        return Page.of(ids.stream().map(this::get).toList(), total, page);
    }

    /** The webhook with its delivery record (the secret is never shown again). */
    public WebhookView get(UUID id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select w.id, w.organisation_id, w.url, cast(w.types as text), w.paused, w.paused_reason, w.version,
                       case when w.previous_secret_until > now() then w.previous_secret_until end,
                       (select count(*) from delivery d where d.webhook_id = w.id and d.status = 'DELIVERED'),
                       (select count(*) from delivery d where d.webhook_id = w.id and d.status = 'PENDING'),
                       (select count(*) from delivery d where d.webhook_id = w.id and d.status = 'FAILED'),
                       (select d.last_error from delivery d where d.webhook_id = w.id and d.last_error is not null order by d.id desc limit 1)
                  from webhook w where w.id = :id""").setParameter("id", id).getResultList();
        if (rows.isEmpty() || !(caller.isAdmin() || caller.organisationId().map(rows.get(0)[1]::equals).orElse(false))) {
            throw ProblemException.notFound("webhook", id);
        }
        Object[] r = rows.get(0);
        return new WebhookView((UUID) r[0], (String) r[1], (String) r[2], read((String) r[3]), (Boolean) r[4], (String) r[5],
                ((Number) r[6]).longValue(), Columns.instant(r[7]), ((Number) r[8]).longValue(), ((Number) r[9]).longValue(),
                ((Number) r[10]).longValue(), (String) r[11]);
    }

    /** The deliveries of a webhook, latest first. */
    public Page<DeliveryView> deliveries(UUID id, PageRequest page) {
        get(id);
        long total = ((Number) em.createNativeQuery("select count(*) from delivery where webhook_id = :id").setParameter("id", id)
                .getSingleResult()).longValue();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select id, signal_id, status, attempts, next_attempt_at, last_status, last_error, delivered_at
                  from delivery where webhook_id = :id order by id desc limit :size offset :offset""")
                .setParameter("id", id).setParameter("size", page.size).setParameter("offset", page.page * page.size).getResultList();
        return Page.of(rows.stream().map(r -> new DeliveryView(((Number) r[0]).longValue(), ((Number) r[1]).longValue(),
                ((String) r[2]).toLowerCase(), ((Number) r[3]).intValue(), Columns.instant(r[4]), Columns.integer(r[5]), (String) r[6],
                Columns.instant(r[7]))).toList(), total, page);
    }

    /** Resumes a paused webhook: its failed deliveries are tried again. */
    @Transactional(TxType.REQUIRED)
    public WebhookView resume(UUID id) {
        get(id);
        em.createNativeQuery("update webhook set paused = false, paused_reason = null where id = :id").setParameter("id", id).executeUpdate();
        em.createNativeQuery("update delivery set status = 'PENDING', attempts = 0, next_attempt_at = :now where webhook_id = :id and status = 'FAILED'")
                .setParameter("id", id).setParameter("now", Instant.now()).executeUpdate();
        return get(id);
    }

    /** Changes the signal types wanted from now on; deliveries already queued go out as they are. */
    @Transactional(TxType.REQUIRED)
    public WebhookView changeTypes(UUID id, WebhookChange change, Long expectedVersion) {
        get(id);
        int changed = em.createNativeQuery("""
                update webhook set types = cast(:t as jsonb), version = version + 1
                 where id = :id and (cast(:v as bigint) is null or version = cast(:v as bigint))""")
                .setParameter("t", write(new ArrayList<>(new LinkedHashSet<>(change.types())))).setParameter("id", id)
                .setParameter("v", expectedVersion).executeUpdate();
        if (changed == 0) {
            throw ProblemException.preconditionFailed("The webhook changed since version " + expectedVersion + "; read it again.");
        }
        return get(id);
    }

    /**
     * Replaces the secret; the one it replaces keeps signing deliveries beside the new one until the grace period ends,
     * so the receiver can switch at any moment within it. A second rotation within the period drops the oldest secret.
     */
    @Transactional(TxType.REQUIRED)
    public WebhookView rotateSecret(UUID id, SecretRotation rotation, Long expectedVersion) {
        get(id);
        int changed = em.createNativeQuery("""
                update webhook set previous_secret = secret, previous_secret_until = :until, secret = :s, version = version + 1
                 where id = :id and secret <> :s and (cast(:v as bigint) is null or version = cast(:v as bigint))""")
                .setParameter("until", Instant.now().plus(secretGrace)).setParameter("s", rotation.secret())
                .setParameter("id", id).setParameter("v", expectedVersion).executeUpdate();
        if (changed == 0) {
            boolean same = !em.createNativeQuery("select 1 from webhook where id = :id and secret = :s").setParameter("id", id)
                    .setParameter("s", rotation.secret()).getResultList().isEmpty();
            if (same) {
                throw ProblemException.invalid("secret", "must differ from the current secret");
            }
            throw ProblemException.preconditionFailed("The webhook changed since version " + expectedVersion + "; read it again.");
        }
        return get(id);
    }

    /** Deletes the webhook with its deliveries: what was pending is never sent (an attempt in flight is not recorded). */
    @Transactional(TxType.REQUIRED)
    public void delete(UUID id) {
        get(id);
        em.createNativeQuery("delete from webhook where id = :id").setParameter("id", id).executeUpdate();
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> read(String text) {
        try {
            return List.of(json.readValue(text, String[].class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
