package nl.leefbaarheid.partner.service;

import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import nl.leefbaarheid.partner.api.OrganisationChange;
import nl.leefbaarheid.platform.audit.Audit;
import nl.leefbaarheid.platform.audit.AuditEntry;
import nl.leefbaarheid.platform.security.Caller;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional.TxType;
import jakarta.transaction.Transactional;
import nl.leefbaarheid.partner.api.NewOrganisation;
import nl.leefbaarheid.partner.api.OrganisationView;
import nl.leefbaarheid.partner.entity.Organisation;
import nl.leefbaarheid.platform.paging.Page;
import nl.leefbaarheid.platform.paging.PageRequest;
import nl.leefbaarheid.platform.problem.ProblemException;

@ApplicationScoped
@Transactional(TxType.SUPPORTS)
public class OrganisationService {

    static final String KIND = "organisation";

    @Inject
    Caller caller;

    @Inject
    Audit audit;

    public Page<OrganisationView> list(String municipalityCode, PageRequest page) {
        Sort order = Sort.by("name").and("id");
        return municipalityCode == null
                ? Page.of(Organisation.findAll(order), page, OrganisationView::of)
                : Page.of(Organisation.find("municipalityCode", order, municipalityCode), page, OrganisationView::of);
    }

    public OrganisationView get(String id) {
        return Organisation.<Organisation>findByIdOptional(id).map(OrganisationView::of)
                .orElseThrow(() -> ProblemException.notFound("organisation", id));
    }

    /** A correction by the admin or the organisation itself, for the version read; kept in its history. */
    @Transactional(TxType.REQUIRED)
    public OrganisationView update(String id, String ifMatch, OrganisationChange change) {
        Organisation organisation = Organisation.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (organisation == null) {
            throw ProblemException.notFound("organisation", id);
        }
        if (!caller.isAdmin() && !caller.organisationId().map(id::equals).orElse(false)
                && !caller.corporationId().map(id::equals).orElse(false)) {
            throw ProblemException.forbidden("Only the organisation itself or an admin corrects it.");
        }
        Versions.require(ifMatch, organisation.version, "organisation");
        OrganisationView before = OrganisationView.of(organisation);
        if (change.name() != null) {
            organisation.name = change.name().strip();
        }
        if (change.type() != null) {
            organisation.type = change.type();
        }
        if (change.municipalityCode() != null) {
            organisation.municipalityCode = change.municipalityCode();
        }
        Organisation.getEntityManager().flush();
        OrganisationView after = OrganisationView.of(organisation);
        audit.record(KIND, id, "updated", before, after, change.reason());
        return after;
    }

    public Page<AuditEntry> history(String id, PageRequest page) {
        get(id);
        return audit.history(KIND, id, page);
    }

    @Transactional(TxType.REQUIRED)
    public OrganisationView create(NewOrganisation request) {
        if (Organisation.findById(request.id()) != null) {
            throw ProblemException.conflict("An organisation with id '" + request.id() + "' already exists.");
        }
        Organisation organisation = new Organisation();
        organisation.id = request.id();
        organisation.name = request.name().strip();
        organisation.type = request.type();
        organisation.municipalityCode = request.municipalityCode();
        organisation.persist();
        OrganisationView created = OrganisationView.of(organisation);
        audit.record(KIND, organisation.id, "created", null, created, null);
        return created;
    }
}
