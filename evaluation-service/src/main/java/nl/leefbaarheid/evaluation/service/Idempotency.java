package nl.leefbaarheid.evaluation.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional.TxType;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import nl.leefbaarheid.platform.problem.ProblemException;

/**
 * Remembers the answers to POSTs sent with an {@code Idempotency-Key}, per caller: a retry with the same key and
 * the same body gets the first answer and changes nothing; the same key with another body is refused. Two requests
 * with one key at the same time go one after the other: the second waits until the first has committed and then gets
 * its answer (or, if the first failed, is handled itself).
 */
@ApplicationScoped
public class Idempotency {

    @Inject
    EntityManager em;

    /** The first key of the advisory locks on idempotency keys: "LBIK". */
    static final int KEY_LOCK = 0x4C42494B;

    public record Answer(int status, String body) {
    }

    /** The stored answer for this caller and key, if any; 422 when the key was used for another body. */
    @Transactional(TxType.MANDATORY)
    public Optional<Answer> previous(String caller, String key, String requestBody) {
        // held until this transaction ends: a concurrent request with the same key waits here, then reads the answer
        em.createNativeQuery("select pg_advisory_xact_lock(:lock, hashtext(:c || chr(10) || :k))").setParameter("lock", KEY_LOCK)
                .setParameter("c", caller).setParameter("k", key).getSingleResult();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select request_hash, status, body from idempotent_request"
                + " where caller = :c and idempotency_key = :k for update").setParameter("c", caller).setParameter("k", key)
                .getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        if (!rows.get(0)[0].equals(hash(requestBody))) {
            throw new ProblemException(422, "idempotency-key-reused", "Idempotency key reused",
                    "Idempotency-Key '" + key + "' was used before for a different request; use a new key for a new request.", List.of());
        }
        return Optional.of(new Answer(((Number) rows.get(0)[1]).intValue(), (String) rows.get(0)[2]));
    }

    @Transactional(TxType.MANDATORY)
    public void remember(String caller, String key, String requestBody, Answer answer) {
        em.createNativeQuery("insert into idempotent_request (caller, idempotency_key, request_hash, status, body)"
                + " values (:c, :k, :h, :s, :b)").setParameter("c", caller).setParameter("k", key)
                .setParameter("h", hash(requestBody)).setParameter("s", answer.status()).setParameter("b", answer.body())
                .executeUpdate();
    }

    static String hash(String body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
