package nl.leefbaarheid.partner.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.leefbaarheid.partner.api.SignalFeed;

/** The signals a caller may read, oldest first after a cursor, so that a partner system can follow along. */
@ApplicationScoped
@Transactional(TxType.SUPPORTS)
public class FeedService {

    @Inject
    EntityManager em;

    @Inject
    PartnerAccess access;

    @Inject
    ObjectMapper json;

    public SignalFeed feed(long after, int size, String type) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select s.id, s.type, s.collaboration_id, s.area_code, s.created_at, cast(s.payload as text)
                  from signal s join collaboration c on c.id = s.collaboration_id
                 where s.id > :after and (cast(:type as varchar) is null or s.type = :type)
                   and""" + " " + access.visibleCondition() + " order by s.id limit :size")
                .setParameter("after", after).setParameter("type", type).setParameter("who", access.who())
                .setParameter("size", size).getResultList();
        List<SignalFeed.Signal> items = new ArrayList<>();
        long cursor = after;
        for (Object[] r : rows) {
            cursor = ((Number) r[0]).longValue();
            items.add(new SignalFeed.Signal(cursor, (String) r[1], (UUID) r[2], (String) r[3], Columns.instant(r[4]), read((String) r[5])));
        }
        return new SignalFeed(items, cursor);
    }

    private JsonNode read(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
