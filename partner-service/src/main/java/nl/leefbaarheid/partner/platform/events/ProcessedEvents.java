package nl.leefbaarheid.partner.platform.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Remembers which events a consumer has processed. Called in the transaction that stores the event's
 * effect, so the id is recorded if and only if the work is: a redelivery then finds it and does nothing.
 */
@ApplicationScoped
public class ProcessedEvents {

    @Inject
    EntityManager em;

    /** Records the event for the consumer; false when it had been processed before. */
    @Transactional(TxType.MANDATORY)
    public boolean firstDelivery(String consumer, String eventId) {
        return em.createNativeQuery("insert into processed_event (consumer, event_id) values (:consumer, :id) "
                + "on conflict do nothing")
                .setParameter("consumer", consumer).setParameter("id", eventId).executeUpdate() == 1;
    }

    /** Records the events for the consumer, with one statement; returns those not processed before. */
    @Transactional(TxType.MANDATORY)
    public Set<String> firstDeliveries(String consumer, Collection<String> eventIds) {
        if (eventIds.isEmpty()) {
            return Set.of();
        }
        @SuppressWarnings("unchecked")
        List<String> first = em.createNativeQuery("insert into processed_event (consumer, event_id)"
                + " select :consumer, id from unnest(cast(:ids as varchar[])) as id on conflict do nothing returning event_id")
                .setParameter("consumer", consumer).setParameter("ids", eventIds.toArray(String[]::new)).getResultList();
        return new HashSet<>(first);
    }
}
