package nl.leefbaarheid.evaluation.entity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import nl.leefbaarheid.evaluation.domain.MeasurementState;
import nl.leefbaarheid.evaluation.domain.Slot;

/** A measured value of an indicator for an area (or a complex in it) and a period; corrected or withdrawn, it stays. */
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
    /** The delivery it came in, as the source system names it. */
    public String sourceBatch;
    /** The Idempotency-Key of the request that recorded it, if any. */
    public String idempotencyKey;
    public Instant correctedAt;
    public Instant withdrawnAt;
    /** Raised by every correction and the withdrawal: the ETag, and the revision its events carry. */
    @Version
    public long version;

    public MeasurementState state() {
        return MeasurementState.of(correctedAt, withdrawnAt);
    }
}
