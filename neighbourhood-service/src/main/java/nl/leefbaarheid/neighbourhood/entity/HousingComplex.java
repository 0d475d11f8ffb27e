package nl.leefbaarheid.neighbourhood.entity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.util.Optional;

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
