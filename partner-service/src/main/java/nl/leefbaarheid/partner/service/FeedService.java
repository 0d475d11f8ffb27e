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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    public Map<String, Object> feed(long after, int size, String type) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select s.id, s.type, s.collaboration_id, s.area_code, s.created_at, cast(s.payload as text)
                  from signal s join collaboration c on c.id = s.collaboration_id
                 where s.id > :after and (cast(:type as varchar) is null or s.type = :type)
                   and""" + " " + access.visibleCondition() + " order by s.id limit :size")
                .setParameter("after", after).setParameter("type", type).setParameter("who", access.who())
                .setParameter("size", size).getResultList();
        List<Map<String, Object>> items = new ArrayList<>();
        long cursor = after;
        for (Object[] r : rows) {
            Map<String, Object> item = new LinkedHashMap<>();
            cursor = ((Number) r[0]).longValue();
            item.put("id", cursor);
            item.put("type", r[1]);
            item.put("collaborationId", r[2]);
            item.put("areaCode", r[3]);
            item.put("createdAt", r[4]);
            item.put("signal", read((String) r[5]));
            items.add(item);
        }
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("items", items);
        page.put("nextCursor", cursor);
        return page;
    }

    private JsonNode read(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
