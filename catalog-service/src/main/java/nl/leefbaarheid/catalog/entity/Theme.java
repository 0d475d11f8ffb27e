package nl.leefbaarheid.catalog.entity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Optional;

/** A theme of the toolbox, such as "Schoon en heel". */
@Entity
public class Theme extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

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

    public static Optional<Theme> findByCode(String code) {
        return find("code", code).firstResultOptional();
    }
}
