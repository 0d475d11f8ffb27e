package nl.leefbaarheid.neighbourhood.entity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import java.io.Serializable;
import java.time.Instant;

/** A corporation lets a partner organisation see its restricted figures. */
@Entity
public class DataShare extends PanacheEntityBase {

    @EmbeddedId
    public Key key;

    public Instant grantedAt;

    @Embeddable
    public record Key(String corporationId, String organisationId) implements Serializable {
    }
}
