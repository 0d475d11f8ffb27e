package nl.leefbaarheid.platform.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional.TxType;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import nl.leefbaarheid.platform.sql.SqlRows;

/**
 * Remembers which events a consumer has processed. Called in the transaction that stores the event's
 * effect, so the id is recorded if and only if the work is: a redelivery then finds it and does nothing.
 */
@ApplicationScoped
public class ProcessedEvents {

    @Inject
    EntityManager em;

    /** Which of these events the consumer has processed before. */
    @Transactional(TxType.MANDATORY)
    public Set<String> processedBefore(String consumer, Collection<String> eventIds) {
        return ids("select event_id from processed_event where consumer = ? and event_id = any(?)", consumer, eventIds);
    }

    /** Records the event for the consumer; false when it had been processed before. */
    @Transactional(TxType.MANDATORY)
    public boolean firstDelivery(String consumer, String eventId) {
        return firstDeliveries(consumer, Set.of(eventId)).contains(eventId);
    }

    /** Records the events for the consumer, with one statement; returns those not processed before. */
    @Transactional(TxType.MANDATORY)
    public Set<String> firstDeliveries(String consumer, Collection<String> eventIds) {
        if (eventIds.isEmpty()) {
            return Set.of();
        }
        return ids("insert into processed_event (consumer, event_id) select ?, id from unnest(?::varchar[]) as id"
                + " on conflict do nothing returning event_id", consumer, eventIds);
    }

    /** The event ids a statement on these answers, over plain JDBC: it runs for every batch a consumer takes. */
    private Set<String> ids(String sql, String consumer, Collection<String> eventIds) {
        return new HashSet<>(SqlRows.query(em, sql, List.of(consumer, eventIds.toArray(String[]::new)), row -> row.getString(1)));
    }
}
