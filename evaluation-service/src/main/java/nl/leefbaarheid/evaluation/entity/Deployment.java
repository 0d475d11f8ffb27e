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

    @Version
    public int version;
}
