package nl.leefbaarheid.evaluation.service;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.util.UUID;
import nl.leefbaarheid.evaluation.api.DeploymentView;
import nl.leefbaarheid.evaluation.api.NewDeployment;
import nl.leefbaarheid.evaluation.domain.DeploymentStatus;
import nl.leefbaarheid.evaluation.entity.Deployment;
import nl.leefbaarheid.evaluation.platform.paging.Page;
import nl.leefbaarheid.evaluation.platform.paging.PageRequest;
import nl.leefbaarheid.evaluation.platform.problem.ProblemException;
import nl.leefbaarheid.evaluation.platform.security.Caller;

@ApplicationScoped
@Transactional(TxType.SUPPORTS)
public class DeploymentService {

    @Inject
    Caller caller;

    /** Admins see every deployment; a corporation only its own. */
    public Page<DeploymentView> list(PageRequest page) {
        Sort order = Sort.by("startDate").descending().and("id");
        return caller.isAdmin()
                ? Page.of(Deployment.findAll(order), page, DeploymentView::of)
                : Page.of(Deployment.find("corporationId", order, ownCorporation()), page, DeploymentView::of);
    }

    /** Another corporation's deployment is answered as not found: its existence is not disclosed. */
    public DeploymentView get(UUID id) {
        Deployment deployment = Deployment.<Deployment>findByIdOptional(id)
                .filter(d -> caller.isAdmin() || d.corporationId.equals(ownCorporation()))
                .orElseThrow(() -> ProblemException.notFound("deployment", id));
        return DeploymentView.of(deployment);
    }

    @Transactional(TxType.REQUIRED)
    public DeploymentView create(NewDeployment request) {
        String corporation;
        if (caller.isAdmin()) {
            if (request.corporationId() == null) {
                throw ProblemException.invalid("corporationId", "is required when an admin creates a deployment");
            }
            corporation = request.corporationId();
        } else {
            if (request.corporationId() != null && !request.corporationId().equals(ownCorporation())) {
                throw ProblemException.forbidden("A corporation can only deploy interventions for itself.");
            }
            corporation = ownCorporation();
        }
        if (request.plannedEndDate().isBefore(request.startDate())) {
            throw ProblemException.invalid("plannedEndDate", "must not be before startDate");
        }
        Deployment deployment = new Deployment();
        deployment.id = UUID.randomUUID();
        deployment.interventionId = request.interventionId();
        deployment.interventionRevision = request.interventionRevision();
        deployment.areaCode = request.areaCode();
        deployment.corporationId = corporation;
        deployment.owner = request.owner().strip();
        deployment.startDate = request.startDate();
        deployment.plannedEndDate = request.plannedEndDate();
        deployment.status = DeploymentStatus.PLANNED;
        deployment.persist();
        return DeploymentView.of(deployment);
    }

    private String ownCorporation() {
        return caller.corporationId()
                .orElseThrow(() -> ProblemException.forbidden("The token names no corporation (claim corporation_id)."));
    }
}
