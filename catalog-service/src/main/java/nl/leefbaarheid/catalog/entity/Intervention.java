package nl.leefbaarheid.catalog.entity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Version;
import java.time.Instant;
import nl.leefbaarheid.catalog.domain.CostBand;
import nl.leefbaarheid.catalog.domain.EvidenceLevel;
import nl.leefbaarheid.catalog.domain.InterventionStatus;
import nl.leefbaarheid.catalog.domain.Strategy;

/**
 * An intervention of the toolbox. Its content is in {@link InterventionRevision}; the columns here repeat
 * what lists filter and sort on, taken from the current revision.
 */
@Entity
public class Intervention extends PanacheEntityBase {

    /** The intervention's code, stable over its revisions. */
    @Id
    public String id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    public Subtopic subtopic;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public InterventionStatus status;

    /** The current revision: the draft while never published, else the latest published one. */
    @Column(nullable = false)
    public int revision;

    public Integer publishedRevision;

    @Column(nullable = false)
    public String title;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Strategy strategy;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CostBand costBand;

    @Enumerated(EnumType.STRING)
    public EvidenceLevel evidenceLevel;

    @Column(nullable = false)
    public boolean corporationAlone;

    /** Dimension codes, e.g. {@code soc}. */
    @Column(nullable = false)
    public String[] dimensions;

    @Column(nullable = false)
    public String[] indicators;

    /** Partner type codes, e.g. {@code welfare}. */
    @Column(nullable = false)
    public String[] partnerTypes;

    /** Title and summary as {@link nl.leefbaarheid.catalog.domain.SearchText} folds them. */
    @Column(nullable = false)
    public String searchText;

    public String retiredReason;

    @Column(nullable = false)
    public Instant createdAt;

    @Column(nullable = false)
    public Instant updatedAt;

    public Instant publishedAt;

    public Instant retiredAt;

    @Version
    public long version;
}
