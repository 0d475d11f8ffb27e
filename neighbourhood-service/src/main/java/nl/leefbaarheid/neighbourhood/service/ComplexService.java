package nl.leefbaarheid.neighbourhood.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional.TxType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import nl.leefbaarheid.neighbourhood.api.ColourOverrideRequest;
import nl.leefbaarheid.neighbourhood.api.ComplexView;
import nl.leefbaarheid.neighbourhood.api.NewComplex;
import nl.leefbaarheid.neighbourhood.entity.Area;
import nl.leefbaarheid.neighbourhood.domain.TenantBasis;
import nl.leefbaarheid.neighbourhood.entity.DataShare;
import nl.leefbaarheid.neighbourhood.entity.HousingComplex;
import nl.leefbaarheid.neighbourhood.event.AreaRegistered;
import nl.leefbaarheid.neighbourhood.event.ComplexRegistered;
import nl.leefbaarheid.platform.outbox.Outbox;
import nl.leefbaarheid.platform.problem.ProblemException;
import nl.leefbaarheid.platform.sql.SqlRows;

/** Complexes of corporations, what they share with partners, and professionals' colour overrides. */
@ApplicationScoped
@Transactional(TxType.SUPPORTS)
public class ComplexService {

    @Inject
    EntityManager em;

    @Inject
    StatusService statuses;

    @Inject
    Outbox outbox;

    public List<ComplexView> list(String corporationId) {
        return HousingComplex.<HousingComplex>list("corporationId = ?1 order by code", corporationId).stream()
                .map(ComplexView::of).toList();
    }

    public HousingComplex get(String corporationId, String code) {
        return HousingComplex.find(corporationId, code)
                .orElseThrow(() -> ProblemException.notFound("complex", corporationId + "/" + code));
    }

    @Transactional(TxType.REQUIRED)
    public ComplexView create(String corporationId, NewComplex request) {
        if (Area.findByCode(request.neighbourhoodCode(), null).isEmpty()) {
            throw ProblemException.invalid("neighbourhoodCode", request.neighbourhoodCode() + " is not a known neighbourhood");
        }
        if (HousingComplex.find(corporationId, request.code()).isPresent()) {
            throw ProblemException.conflict("Corporation " + corporationId + " already has a complex " + request.code() + ".");
        }
        HousingComplex complex = new HousingComplex();
        complex.corporationId = corporationId;
        complex.code = request.code();
        complex.name = request.name().strip();
        complex.neighbourhoodCode = request.neighbourhoodCode();
        complex.homes = request.homes();
        complex.households = request.households();
        complex.persist();
        ComplexRegistered registered = ComplexRegistered.of(complex);
        outbox.add(AreaRegistered.TOPIC, registered.key(), ComplexRegistered.TYPE, registered.key(), registered);
        return ComplexView.of(complex);
    }

    @Transactional(TxType.REQUIRED)
    public void share(String corporationId, String organisationId) {
        if (DataShare.findById(new DataShare.Key(corporationId, organisationId)) == null) {
            DataShare share = new DataShare();
            share.key = new DataShare.Key(corporationId, organisationId);
            share.grantedAt = Instant.now();
            share.persist();
        }
    }

    @Transactional(TxType.REQUIRED)
    public void unshare(String corporationId, String organisationId) {
        DataShare.deleteById(new DataShare.Key(corporationId, organisationId));
    }

    public List<String> shares(String corporationId) {
        return DataShare.<DataShare>list("key.corporationId = ?1 order by key.organisationId", corporationId).stream()
                .map(s -> s.key.organisationId()).toList();
    }

    /**
     * Sets or clears (request null) an owner's override of a subject, and recalculates it: the computed colour stays
     * visible. Each owner (a corporation, or {@link TenantBasis#ADMIN}) has its own override, shown to those who may see
     * that owner's figures; another owner's override stays as it is.
     */
    @Transactional(TxType.REQUIRED)
    public void override(String subject, String neighbourhoodCode, Long complexId, String owner, ColourOverrideRequest request,
            String author) {
        if (request == null) {
            SqlRows.update(em, "delete from colour_override where subject = ? and owner = ?", List.of(subject, owner));
        } else {
            SqlRows.update(em, """
                    insert into colour_override (subject, owner, colour, reason, author, set_at) values (?, ?, ?, ?, ?, now())
                    on conflict (subject, owner) do update set colour = excluded.colour, reason = excluded.reason,
                        author = excluded.author, set_at = excluded.set_at""",
                    List.of(subject, owner, request.colour().name(), request.reason().strip(), author));
        }
        String reason = request == null ? "colour override removed by " + author : "colour override by " + author;
        statuses.recalculate(neighbourhoodCode == null ? List.of() : List.of(neighbourhoodCode),
                complexId == null ? List.of() : List.of(complexId), reason);
    }
}
