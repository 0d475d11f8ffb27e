package nl.leefbaarheid.neighbourhood.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional.TxType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import nl.leefbaarheid.neighbourhood.api.ColourOverrideRequest;
import nl.leefbaarheid.neighbourhood.api.ComplexChange;
import nl.leefbaarheid.neighbourhood.api.ComplexEnd;
import nl.leefbaarheid.neighbourhood.api.ComplexTransfer;
import nl.leefbaarheid.neighbourhood.api.ComplexView;
import nl.leefbaarheid.neighbourhood.api.NewComplex;
import nl.leefbaarheid.neighbourhood.entity.Area;
import nl.leefbaarheid.neighbourhood.domain.TenantBasis;
import nl.leefbaarheid.neighbourhood.entity.DataShare;
import nl.leefbaarheid.neighbourhood.entity.HousingComplex;
import nl.leefbaarheid.neighbourhood.event.AreaRegistered;
import nl.leefbaarheid.neighbourhood.event.ComplexRegistered;
import nl.leefbaarheid.platform.audit.Audit;
import nl.leefbaarheid.platform.audit.AuditEntry;
import nl.leefbaarheid.platform.outbox.Outbox;
import nl.leefbaarheid.platform.paging.Page;
import nl.leefbaarheid.platform.paging.PageRequest;
import nl.leefbaarheid.platform.problem.ProblemException;
import nl.leefbaarheid.platform.sql.SqlRows;
import nl.leefbaarheid.platform.web.ETags;

/**
 * Complexes of corporations (registered, corrected, ended, transferred: each change published on {@code neighbourhood.areas.v1}
 * and kept in the audit trail), what they share with partners, and professionals' colour overrides.
 */
@ApplicationScoped
@Transactional(TxType.SUPPORTS)
public class ComplexService {

    @Inject
    EntityManager em;

    @Inject
    StatusService statuses;

    @Inject
    Outbox outbox;

    @Inject
    Audit audit;

    /** The kind of record of a complex in the audit trail; its id is the complex's subject. */
    public static final String KIND = "complex";
    /** The audit trail's kinds of a corporation's share with an organisation and of an owner's colour override. */
    static final String SHARE = "share";
    static final String OVERRIDE = "colour-override";

    static final String IF_MATCH_HINT = "Send the complex's ETag (from GET /api/v1/corporations/{corporationId}/complexes/{code}) in If-Match.";

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
        publish(ComplexRegistered.of(complex));
        audit.record(KIND, complex.subject(), "registered", null, ComplexView.of(complex), null);
        return ComplexView.of(complex);
    }

    /**
     * Changes the fields given of a complex that has not ended, at the version the caller read; the same values again change
     * nothing. A new neighbourhood or household count recalculates the complex and its neighbourhoods (households weigh).
     */
    @Transactional(TxType.REQUIRED)
    public HousingComplex update(String corporationId, String code, ComplexChange change, String ifMatch) {
        HousingComplex complex = changeable(corporationId, code, ifMatch);
        if (change.neighbourhoodCode() != null && !change.neighbourhoodCode().equals(complex.neighbourhoodCode)
                && Area.findByCode(change.neighbourhoodCode(), null).isEmpty()) {
            throw ProblemException.invalid("neighbourhoodCode", change.neighbourhoodCode() + " is not a known neighbourhood");
        }
        ComplexView before = ComplexView.of(complex);
        String neighbourhood = complex.neighbourhoodCode;
        Integer households = complex.households;
        complex.name = change.name() == null ? complex.name : change.name().strip();
        complex.neighbourhoodCode = change.neighbourhoodCode() == null ? complex.neighbourhoodCode : change.neighbourhoodCode();
        complex.homes = change.homes() == null ? complex.homes : change.homes();
        complex.households = change.households() == null ? complex.households : change.households();
        em.flush(); // raises the version when something changed
        if (complex.version == before.version()) {
            return complex;
        }
        changed(complex, "updated", before, change.reason());
        if (!neighbourhood.equals(complex.neighbourhoodCode) || !Objects.equals(households, complex.households)) {
            statuses.recalculate(new LinkedHashSet<>(List.of(neighbourhood, complex.neighbourhoodCode)), List.of(complex.id),
                    "complex " + complex.code + " of " + complex.corporationId + " changed");
        }
        return complex;
    }

    /** Ends the complex for its corporation: sold or demolished; from the end date it no longer counts for it. */
    @Transactional(TxType.REQUIRED)
    public HousingComplex end(String corporationId, String code, ComplexEnd end, String ifMatch) {
        HousingComplex complex = changeable(corporationId, code, ifMatch);
        startsAfterTakeOver(complex, end.endedOn(), "endedOn");
        ComplexView before = ComplexView.of(complex);
        complex.endedOn = end.endedOn();
        complex.endReason = end.endReason().name();
        em.flush();
        changed(complex, "ended", before, end.reason());
        return complex;
    }

    /**
     * Transfers the complex to another corporation from a date: it ends for its corporation then, and is registered for the new
     * owner (under its own id, the same by default) from then on. The observations stored keep the complex, and so the
     * corporation, they were measured for; figures of periods from the transfer on are the new owner's. Answers the complex as
     * it ended for its corporation.
     */
    @Transactional(TxType.REQUIRED)
    public HousingComplex transfer(String corporationId, String code, ComplexTransfer transfer, String ifMatch) {
        HousingComplex complex = changeable(corporationId, code, ifMatch);
        if (transfer.toCorporationId().equals(corporationId)) {
            throw ProblemException.invalid("toCorporationId", "must be another corporation than " + corporationId);
        }
        startsAfterTakeOver(complex, transfer.on(), "on");
        String newCode = transfer.newComplexId() == null ? complex.code : transfer.newComplexId();
        if (HousingComplex.find(transfer.toCorporationId(), newCode).isPresent()) {
            throw ProblemException.conflict("Corporation " + transfer.toCorporationId() + " already has a complex " + newCode
                    + "; name another newComplexId.");
        }
        ComplexView before = ComplexView.of(complex);
        complex.endedOn = transfer.on();
        complex.endReason = "transferred";
        complex.transferredTo = transfer.toCorporationId();
        em.flush();
        changed(complex, "transferred", before, transfer.reason());
        HousingComplex taken = new HousingComplex();
        taken.corporationId = transfer.toCorporationId();
        taken.code = newCode;
        taken.name = complex.name;
        taken.neighbourhoodCode = complex.neighbourhoodCode;
        taken.homes = complex.homes;
        taken.households = complex.households;
        taken.since = transfer.on();
        taken.transferredFrom = corporationId;
        taken.persist();
        em.flush();
        publish(ComplexRegistered.of(taken));
        audit.record(KIND, taken.subject(), "taken-over", null, ComplexView.of(taken), stripped(transfer.reason()));
        return complex;
    }

    /** The complex's changes, newest first; whether the caller may read it is the resource's to decide. */
    public Page<AuditEntry> history(String corporationId, String code, PageRequest page) {
        return audit.history(KIND, get(corporationId, code).subject(), page);
    }

    /** The complex, locked, if it has not ended and the caller read its current version. */
    private HousingComplex changeable(String corporationId, String code, String ifMatch) {
        HousingComplex complex = HousingComplex.<HousingComplex>find("corporationId = ?1 and code = ?2", corporationId, code)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("complex", corporationId + "/" + code));
        long expected = ETags.requiredVersion(ifMatch, IF_MATCH_HINT);
        if (complex.endedOn != null) {
            throw ProblemException.conflict("Complex " + code + " of " + corporationId + " has ended (" + complex.endReason + " on "
                    + complex.endedOn + "); it no longer changes.");
        }
        if (complex.version != expected) {
            throw ProblemException.preconditionFailed("The complex changed since version " + expected + "; it is at version "
                    + complex.version + ". Read it again.");
        }
        return complex;
    }

    private static void startsAfterTakeOver(HousingComplex complex, LocalDate date, String field) {
        if (complex.since != null && date.isBefore(complex.since)) {
            throw ProblemException.invalid(field, "must not be before " + complex.since + ", when the corporation took the complex over");
        }
    }

    private void changed(HousingComplex complex, String change, ComplexView before, String reason) {
        publish(ComplexRegistered.changed(complex, change));
        audit.record(KIND, complex.subject(), change, before, ComplexView.of(complex), stripped(reason));
    }

    private static String stripped(String reason) {
        return reason == null ? null : reason.strip();
    }

    private void publish(ComplexRegistered complex) {
        outbox.add(AreaRegistered.TOPIC, complex.key(), complex.type(), complex.key(), complex);
    }

    @Transactional(TxType.REQUIRED)
    public void share(String corporationId, String organisationId) {
        if (DataShare.findById(new DataShare.Key(corporationId, organisationId)) == null) {
            DataShare share = new DataShare();
            share.key = new DataShare.Key(corporationId, organisationId);
            share.grantedAt = Instant.now();
            share.persist();
            audit.record(SHARE, corporationId + "/" + organisationId, "granted", null,
                    Map.of("corporationId", corporationId, "organisationId", organisationId), null);
        }
    }

    @Transactional(TxType.REQUIRED)
    public void unshare(String corporationId, String organisationId) {
        if (DataShare.deleteById(new DataShare.Key(corporationId, organisationId))) {
            audit.record(SHARE, corporationId + "/" + organisationId, "revoked",
                    Map.of("corporationId", corporationId, "organisationId", organisationId), null, null);
        }
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
        List<Map<String, String>> before = SqlRows.query(em, "select colour, reason from colour_override where subject = ? and owner = ?",
                List.of(subject, owner), row -> Map.of("colour", row.getString(1), "reason", row.getString(2)));
        if (request == null) {
            SqlRows.update(em, "delete from colour_override where subject = ? and owner = ?", List.of(subject, owner));
        } else {
            SqlRows.update(em, """
                    insert into colour_override (subject, owner, colour, reason, author, set_at) values (?, ?, ?, ?, ?, now())
                    on conflict (subject, owner) do update set colour = excluded.colour, reason = excluded.reason,
                        author = excluded.author, set_at = excluded.set_at""",
                    List.of(subject, owner, request.colour().name(), request.reason().strip(), author));
        }
        audit.record(OVERRIDE, subject + "/" + owner, request == null ? "removed" : before.isEmpty() ? "set" : "changed",
                before.isEmpty() ? null : before.get(0), request == null ? null : Map.of("colour", request.colour().name(),
                        "reason", request.reason().strip()), request == null ? null : request.reason().strip());
        String reason = request == null ? "colour override removed by " + author : "colour override by " + author;
        statuses.recalculate(neighbourhoodCode == null ? List.of() : List.of(neighbourhoodCode),
                complexId == null ? List.of() : List.of(complexId), reason);
    }
}
