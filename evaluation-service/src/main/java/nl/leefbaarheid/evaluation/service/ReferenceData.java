package nl.leefbaarheid.evaluation.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional.TxType;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.leefbaarheid.evaluation.api.AreaReference;
import nl.leefbaarheid.evaluation.api.ComplexReference;
import nl.leefbaarheid.evaluation.domain.RegistryYear;
import nl.leefbaarheid.evaluation.event.AreaRegistered;
import nl.leefbaarheid.evaluation.event.ComplexRegistered;
import nl.leefbaarheid.evaluation.event.IndicatorDefined;
import nl.leefbaarheid.platform.events.IncomingEvent.UnreadableEventException;
import nl.leefbaarheid.platform.events.ProcessedEvents;
import nl.leefbaarheid.platform.sql.SqlRows;

/**
 * The area registry, the complexes and the kapstok as neighbourhood-service publishes them on
 * {@code neighbourhood.areas.v1}: what a measurement is checked against, so that what neighbourhood-service would
 * refuse later is refused at once. neighbourhood-service is their one source; an event replaces what it describes.
 */
@ApplicationScoped
public class ReferenceData {

    static final String CONSUMER = "evaluation-service.areas";

    @Inject
    EntityManager em;

    @Inject
    ProcessedEvents processed;

    /** Of some codes and of their municipalities, the years each is registered for ({@link RegistryYear}). */
    public record AreaYears(Map<String, Set<Integer>> byCode) {
        public Set<Integer> of(String code) {
            return byCode.getOrDefault(code, Set.of());
        }

        /** The registry years that apply to an area: the years its municipality is registered for. */
        public Set<Integer> registry(String code) {
            return of(RegistryYear.municipalityOf(code));
        }
    }

    /** The scale of an indicator of the kapstok; either bound may be null. */
    public record Scale(BigDecimal min, BigDecimal max) {
        public boolean accepts(double value) {
            return (min == null || value >= min.doubleValue()) && (max == null || value <= max.doubleValue());
        }
    }

    // --- from the events ---------------------------------------------------------------------------------------------

    @Transactional(TxType.REQUIRED)
    public void store(String eventId, AreaRegistered area) {
        if (area.code() == null || area.year() == null || area.level() == null || area.name() == null) {
            throw new UnreadableEventException("area event " + eventId + " lacks code, year, level or name");
        }
        if (!processed.firstDelivery(CONSUMER, eventId)) {
            return;
        }
        SqlRows.update(em, """
                insert into area_ref (code, year, level, name, parent_code, households, homes, received_at) values (?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (code, year) do update set level = excluded.level, name = excluded.name, parent_code = excluded.parent_code,
                    households = excluded.households, homes = excluded.homes, received_at = excluded.received_at""",
                Arrays.asList(area.code(), area.year(), area.level(), area.name(), area.parentCode(), area.households(),
                        area.homes(), now()));
    }

    @Transactional(TxType.REQUIRED)
    public void store(String eventId, ComplexRegistered complex) {
        if (complex.corporationId() == null || complex.complexId() == null || complex.neighbourhoodCode() == null || complex.name() == null) {
            throw new UnreadableEventException("complex event " + eventId + " lacks corporationId, complexId, neighbourhoodCode or name");
        }
        if (!processed.firstDelivery(CONSUMER, eventId)) {
            return;
        }
        SqlRows.update(em, """
                insert into complex_ref (corporation_id, complex_id, neighbourhood_code, name, homes, households, since, ended_on,
                                         end_reason, transferred_to, received_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (corporation_id, complex_id) do update set neighbourhood_code = excluded.neighbourhood_code,
                    name = excluded.name, homes = excluded.homes, households = excluded.households, since = excluded.since,
                    ended_on = excluded.ended_on, end_reason = excluded.end_reason, transferred_to = excluded.transferred_to,
                    received_at = excluded.received_at""",
                Arrays.asList(complex.corporationId(), complex.complexId(), complex.neighbourhoodCode(), complex.name(),
                        complex.homes(), complex.households(), date(complex.since()), date(complex.endedOn()), complex.endReason(),
                        complex.transferredTo(), now()));
    }

    @Transactional(TxType.REQUIRED)
    public void store(String eventId, IndicatorDefined indicator) {
        if (indicator.code() == null) {
            throw new UnreadableEventException("indicator event " + eventId + " lacks its code");
        }
        if (!processed.firstDelivery(CONSUMER, eventId)) {
            return;
        }
        SqlRows.update(em, """
                insert into indicator (code, scale_min, scale_max, name, unit, dimension, min_respondents, restricted, received_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (code) do update set scale_min = excluded.scale_min, scale_max = excluded.scale_max, name = excluded.name,
                    unit = excluded.unit, dimension = excluded.dimension, min_respondents = excluded.min_respondents,
                    restricted = excluded.restricted, received_at = excluded.received_at""",
                Arrays.asList(indicator.code(), indicator.scaleMin(), indicator.scaleMax(), indicator.name(),
                        indicator.unit(), indicator.dimension(), indicator.minRespondents(),
                        indicator.restricted(), now()));
    }

    // --- for the checks of measurements -------------------------------------------------------------------------------

    /**
     * The kapstok's scales by indicator code. Read for every request (a dozen rows): an indicator the events change is
     * in force at once, in every replica of this service.
     */
    @Transactional(TxType.SUPPORTS)
    public Map<String, Scale> scales() {
        Map<String, Scale> scales = new HashMap<>();
        SqlRows.query(em, "select code, scale_min, scale_max from indicator", List.of(),
                row -> scales.put(row.getString(1), new Scale(row.getBigDecimal(2), row.getBigDecimal(3))));
        return scales;
    }

    /** Of each of these codes and of their municipalities the years it is registered for: one index lookup. */
    @Transactional(TxType.SUPPORTS)
    public AreaYears areaYears(Collection<String> codes) {
        Set<String> wanted = new HashSet<>(codes);
        codes.forEach(code -> wanted.add(RegistryYear.municipalityOf(code)));
        Map<String, Set<Integer>> byCode = new HashMap<>();
        if (!codes.isEmpty()) {
            SqlRows.query(em, "select code, year from area_ref where code = any(?)", List.of((Object) wanted.toArray(String[]::new)),
                    row -> byCode.computeIfAbsent(row.getString(1), c -> new HashSet<>()).add(row.getInt(2)));
        }
        return new AreaYears(byCode);
    }


    /** The corporation's complex: where it lies and when it counts; empty for a complex it has not registered. */
    @Transactional(TxType.SUPPORTS)
    public Optional<ComplexReference> complex(String corporationId, String complexId) {
        return SqlRows.query(em, "select neighbourhood_code, since, ended_on, end_reason, transferred_to from complex_ref"
                + " where corporation_id = ? and complex_id = ?", List.of(corporationId, complexId),
                row -> new ComplexReference(corporationId, complexId, row.getString(1), row.getObject(2, LocalDate.class),
                        row.getObject(3, LocalDate.class), row.getString(4), row.getString(5))).stream().findFirst();
    }

    /**
     * The area as it counts for measurements of {@code periodYear} (registered for the registry year that applies to it),
     * or, without a year, as last registered; empty when it does not count.
     */
    @Transactional(TxType.SUPPORTS)
    public Optional<AreaReference> area(String code, Integer periodYear) {
        Integer year = null;
        if (periodYear != null) {
            AreaYears years = areaYears(List.of(code));
            if (!RegistryYear.counts(years.registry(code), years.of(code), periodYear)) {
                return Optional.empty();
            }
            year = RegistryYear.applicable(years.registry(code), periodYear).getAsInt();
        }
        String sql = "select code, year, level, name, parent_code, households, homes from area_ref where code = ?"
                + (year == null ? "" : " and year = ?") + " order by year desc limit 1";
        return SqlRows.query(em, sql, year == null ? List.of(code) : List.of(code, year),
                row -> new AreaReference(row.getString(1), row.getInt(2), row.getString(3), row.getString(4), row.getString(5),
                        (Integer) row.getObject(6), (Integer) row.getObject(7))).stream().findFirst();
    }

    private static java.sql.Date date(LocalDate date) {
        return date == null ? null : java.sql.Date.valueOf(date);
    }

    private static Timestamp now() {
        return Timestamp.from(Instant.now());
    }
}
