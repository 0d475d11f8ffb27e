package nl.leefbaarheid.evaluation.entity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import nl.leefbaarheid.evaluation.domain.Slot;

/** A measured value of an indicator for an area (or a complex in it) and a period. */
@Entity
public class Measurement extends PanacheEntityBase {

    @Id
    public UUID id;
    public String areaCode;
    public String complexId;
    public String indicator;
    public BigDecimal value;
    public String period;
    public LocalDate measuredOn;
    public Integer respondents;
    public String instrument;
    public String sourceSystem;
    public UUID deploymentId;
    @Enumerated(EnumType.STRING)
    public Slot slot;
    public String corporationId;
    public Instant recordedAt;
}
