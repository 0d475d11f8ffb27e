package nl.leefbaarheid.partner.platform.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import org.hibernate.Session;

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
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setString(1, consumer);
                statement.setArray(2, connection.createArrayOf("varchar", eventIds.toArray(String[]::new)));
                Set<String> ids = new HashSet<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        ids.add(rows.getString(1));
                    }
                }
                return ids;
            }
        });
    }
}
