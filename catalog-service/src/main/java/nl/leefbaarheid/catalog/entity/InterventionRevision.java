package nl.leefbaarheid.catalog.entity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import java.io.Serializable;
import java.time.Instant;
import java.util.Optional;
import org.hibernate.annotations.ColumnTransformer;

/** One revision of an intervention: its content as JSON, kept readable for ever. */
@Entity
public class InterventionRevision extends PanacheEntityBase {

    @EmbeddedId
    public Key key;

    /** The {@link nl.leefbaarheid.catalog.domain.InterventionSpec} of this revision, as JSON. */
    @Column(nullable = false, columnDefinition = "jsonb")
    @ColumnTransformer(write = "?::jsonb")
    public String spec;

    @Column(nullable = false)
    public Instant createdAt;

    public Instant publishedAt;

    @Embeddable
    public record Key(String interventionId, int revision) implements Serializable {
    }

    public static Optional<InterventionRevision> find(String interventionId, int revision) {
        return findByIdOptional(new Key(interventionId, revision));
    }
}
