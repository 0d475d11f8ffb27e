package nl.leefbaarheid.catalog.entity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.Instant;
import jakarta.persistence.ManyToOne;
import java.util.Optional;

/** A subtopic of a theme, such as "Samenleven" under "Sociale leefbaarheid". */
@Entity
public class Subtopic extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    public Theme theme;

    @Column(nullable = false, unique = true)
    public String code;

    @Column(nullable = false)
    public String name;

    public String description;

    @Column(nullable = false)
    public int position;

    /** Set when it was retired: it stays, with its interventions, but takes no new ones. */
    public Instant retiredAt;

    /** Raised by every change: the ETag. */
    @Version
    public long version;

    public static Optional<Subtopic> findByCode(String code) {
        return find("code", code).firstResultOptional();
    }
}
