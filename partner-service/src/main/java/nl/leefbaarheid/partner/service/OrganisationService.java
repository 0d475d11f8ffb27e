package nl.leefbaarheid.partner.service;

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
        return OrganisationView.of(organisation);
    }
}
