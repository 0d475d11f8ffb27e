package nl.leefbaarheid.partner.entity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import nl.leefbaarheid.partner.domain.OrganisationType;

/** A partner organisation; its id is the one its users' tokens carry as organisation_id. */
@Entity
public class Organisation extends PanacheEntityBase {

    @Id
    public String id;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public OrganisationType type;

    @Column(nullable = false)
    public String municipalityCode;

    @Version
    public long version = 1;
}
