package nl.leefbaarheid.platform.audit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import nl.leefbaarheid.platform.paging.Page;
import nl.leefbaarheid.platform.paging.PageRequest;
import nl.leefbaarheid.platform.problem.ProblemException;
import nl.leefbaarheid.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The audit trail of this service across its records, for the admin. */
@Path("/api/v1/audit-entries")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@Tag(name = "Audit", description = "Who changed what, when and why, across this service's records (admin).")
public class AuditResource {

    @Inject
    Audit audit;

    @GET
    @Operation(operationId = "listAuditEntries", summary = "List the changes of this service's records, newest first",
            description = "Each with the record (kind and id), the action, who made it (the bearer token's subject, role and organisation), when,"
                    + " the reason given, the fields that changed and the record before and after, personal data masked. Filter by record,"
                    + " by actor and by time (from inclusive, to exclusive).")
    public Page<AuditEntry> list(
            @Parameter(description = "Only changes of this kind of record.", example = "measurement") @QueryParam("recordKind") @Size(max = 60) String recordKind,
            @Parameter(description = "Only changes of the record with this id.", example = "0b9f5c2e-6c1a-4c5e-9a57-2f0c3d1e8a11")
            @QueryParam("recordId") @Size(max = 200) String recordId,
            @Parameter(description = "Only changes by this token subject.", example = "j.jansen") @QueryParam("actor") @Size(max = 200) String actor,
            @Parameter(description = "Only changes by callers of this corporation or partner organisation.", example = "corp-demo")
            @QueryParam("organisation") @Size(max = 64) String organisation,
            @Parameter(description = "Only changes at or after this time (ISO 8601 with offset).", example = "2026-10-01T00:00:00Z")
            @QueryParam("from") OffsetDateTime from,
            @Parameter(description = "Only changes before this time (ISO 8601 with offset).", example = "2026-11-01T00:00:00Z")
            @QueryParam("to") OffsetDateTime to,
            @Valid @BeanParam PageRequest paging) {
        if (from != null && to != null && !from.isBefore(to)) {
            throw ProblemException.invalid("to", "must be after from");
        }
        return audit.search(new Audit.Filter(recordKind, recordId, actor, organisation, from, to), paging);
    }
}
