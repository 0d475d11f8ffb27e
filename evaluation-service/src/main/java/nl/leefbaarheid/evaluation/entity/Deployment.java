package nl.leefbaarheid.evaluation.entity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.util.UUID;
import nl.leefbaarheid.evaluation.domain.DeploymentStatus;

/** An intervention deployed in an area by one corporation. */
@Entity
public class Deployment extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String interventionId;

    @Column(nullable = false)
    public int interventionRevision;

    @Column(nullable = false)
    public String areaCode;

    @Column(nullable = false)
    public String corporationId;

    @Column(nullable = false)
    public String owner;

    @Column(nullable = false)
    public LocalDate startDate;

    @Column(nullable = false)
    public LocalDate plannedEndDate;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DeploymentStatus status;

    public String stopReason;

    public String complexId;
    public String interventionTitle;

    /** The revision's effect measurement method, as JSON, copied at creation. */
    @Column(columnDefinition = "jsonb")
    @org.hibernate.annotations.ColumnTransformer(write = "?::jsonb")
    public String effectMethod;

    public java.math.BigDecimal budget;

    /** Organisation ids of the partners involved, as a JSON array. */
    @Column(nullable = false, columnDefinition = "jsonb")
    @org.hibernate.annotations.ColumnTransformer(write = "?::jsonb")
    public String partners = "[]";

    public LocalDate actualEndDate;

    /** The effect result, as JSON, once completed. */
    @Column(columnDefinition = "jsonb")
    @org.hibernate.annotations.ColumnTransformer(write = "?::jsonb")
    public String result;

    public java.time.Instant completedAt;

    /** The workshop action in partner-service it came from, if any. */
    public UUID originCollaborationId;
    public UUID originWorkshopId;
    public Long originActionId;

    @Version
    public int version;
}
