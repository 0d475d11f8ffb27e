package nl.leefbaarheid.neighbourhood.entity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.time.Instant;
import nl.leefbaarheid.neighbourhood.domain.AreaStatus;

/** A neighbourhood professional's override of the computed tenant colour of an area or complex. */
@Entity
public class ColourOverride extends PanacheEntityBase {

    @Id
    public String subject;

    @Enumerated(EnumType.STRING)
    public AreaStatus.Colour colour;

    public String reason;
    public String author;
    public Instant setAt;
}
