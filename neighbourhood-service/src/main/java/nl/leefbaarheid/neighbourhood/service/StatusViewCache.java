package nl.leefbaarheid.neighbourhood.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import nl.leefbaarheid.neighbourhood.api.StatusView;
import nl.leefbaarheid.neighbourhood.domain.TenantBasis;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The status views of areas and complexes, serialised once per stored version instead of being read from JSON and
 * written out again on every request. An entry is only used while the stored row still carries the entry's stamp:
 * {@link StatusQueries} checks that with a primary-key lookup on every read, so a committed recalculation, by this
 * instance or another, shows on the very next read, and nothing has to tell the cache that a status changed.
 */
@ApplicationScoped
public class StatusViewCache {

    /**
     * What a cached view must agree with in the stored row. The status itself is not compared: a changed status always
     * gets a new version; a recalculation without change moves computedAt and the observation count.
     */
    public record Stamp(int version, Instant changedAt, Instant computedAt, Integer observations, String name) {
    }

    /**
     * One stored status as the API shows it: in full, as the admin and a caller who may see all of its owners' tenant
     * figures see it, and public (without tenant figures) as a caller sees it who may see none of them; with the basis
     * a caller's own view is computed from when it may see some of them ({@link TenantBasis}). {@code publicView} is
     * null when there is nothing to leave out.
     */
    public record Entry(Stamp stamp, StatusView view, byte[] json, StatusView publicView, byte[] publicJson, TenantBasis basis) {
    }

    @Inject
    ObjectMapper json;

    private final Cache<String, Entry> entries;

    @Inject
    StatusViewCache(@ConfigProperty(name = "neighbourhood.status.view-cache-size", defaultValue = "5000") long size) {
        entries = Caffeine.newBuilder().maximumSize(size).build();
    }

    /** The cached entry of a subject, not yet checked against the stored row; null when there is none. */
    public Entry get(String subject) {
        return entries.getIfPresent(subject);
    }

    /** Serialises both forms of a status just read from the database and keeps them for the next reads. */
    public Entry put(String subject, Stamp stamp, StatusView view, StatusView publicView, TenantBasis basis) {
        Entry entry = new Entry(stamp, view, write(view), publicView, publicView == null ? null : write(publicView), basis);
        entries.put(subject, entry);
        return entry;
    }

    /** A status view as the API answers it. */
    public byte[] write(StatusView view) {
        try {
            return json.writeValueAsBytes(view);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a status view cannot be written as JSON", e);
        }
    }
}
