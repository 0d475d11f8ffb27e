package nl.leefbaarheid.neighbourhood.entity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.util.Optional;
import nl.leefbaarheid.neighbourhood.domain.ComplexTenure;

/** A housing complex of a corporation, in one neighbourhood. */
@Entity
public class HousingComplex extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String corporationId;

    /** The corporation's own id of the complex. */
    @Column(nullable = false)
    public String code;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String neighbourhoodCode;

    public Integer homes;
    public Integer households;

    /** Raised by every change; the complex's ETag. */
    @Version
    public long version;

    /** The day the corporation took it over from {@link #transferredFrom}; null when it registered it itself. */
    public LocalDate since;
    public String transferredFrom;

    /** The day it ended for this corporation (sold, demolished or transferred); null while it has not. */
    public LocalDate endedOn;
    public String endReason;
    public String transferredTo;

    /**
     * SQL: a complex of {@code housing_complex} that counts today (its corporation's working area): taken over, if at all,
     * by today and not ended.
     */
    public static final String CURRENT = "(housing_complex.since is null or housing_complex.since <= current_date)"
            + " and (housing_complex.ended_on is null or housing_complex.ended_on > current_date)";

    public ComplexTenure tenure() {
        return new ComplexTenure(since, endedOn, endReason, transferredTo);
    }

    public static Optional<HousingComplex> find(String corporationId, String code) {
        return find("corporationId = ?1 and code = ?2", corporationId, code).firstResultOptional();
    }

    /** The subject its status is kept under. */
    public String subject() {
        return subject(corporationId, code);
    }

    public static String subject(String corporationId, String code) {
        return "complex:" + corporationId + ":" + code;
    }
}
