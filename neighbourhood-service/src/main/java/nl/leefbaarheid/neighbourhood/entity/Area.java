package nl.leefbaarheid.neighbourhood.entity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.util.Optional;
import nl.leefbaarheid.neighbourhood.domain.AreaLevel;

/** A CBS area in one year. */
@Entity
public class Area extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String code;

    @Column(nullable = false)
    public int year;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AreaLevel level;

    @Column(nullable = false)
    public String name;

    public String parentCode;
    public Integer households;
    public Integer homes;
    public Integer corporationHomes;
    /** Counts the changes of the row (its ETag); raised by whoever changes it, also in bulk SQL. */
    @Column(nullable = false)
    public long version;

    /** The area in the given year, or in its latest year when no year is given. */
    public static Optional<Area> findByCode(String code, Integer year) {
        return year == null
                ? find("code = ?1 order by year desc", code).firstResultOptional()
                : find("code = ?1 and year = ?2", code, year).firstResultOptional();
    }
}
