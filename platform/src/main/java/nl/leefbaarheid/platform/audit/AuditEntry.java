package nl.leefbaarheid.platform.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One change of a record in the audit trail: who, when, what and why. */
@Schema(name = "AuditEntry", description = "One change of a record: who made it (from the bearer token), when, what changed (the record before"
        + " and after, personal data masked as ***) and why.")
public record AuditEntry(
        @Schema(example = "4711") long id,
        @Schema(description = "The kind of record.", example = "measurement") String recordKind,
        @Schema(description = "The record's id.", example = "0b9f5c2e-6c1a-4c5e-9a57-2f0c3d1e8a11") String recordId,
        @Schema(description = "What was done to it.", example = "corrected") String action,
        Actor actor,
        @Schema(description = "When the change was stored.", example = "2026-10-03T08:12:44.120Z") OffsetDateTime at,
        @Schema(description = "The reason the actor gave, where one was given.", example = "The survey export used the wrong column.")
        String reason,
        @Schema(description = "The fields that changed (paths such as value or address.street).", example = "[\"value\", \"version\"]")
        List<String> changes,
        @Schema(type = SchemaType.OBJECT, implementation = Object.class, nullable = true,
                description = "The record before the change, personal data masked; absent for a creation.",
                example = "{\"value\": 4.1, \"version\": 0}") JsonNode before,
        @Schema(type = SchemaType.OBJECT, implementation = Object.class, nullable = true,
                description = "The record after the change, personal data masked; absent for a deletion.",
                example = "{\"value\": 7.4, \"version\": 1}") JsonNode after) {

    /** Who made a change: the bearer token's subject, role and tenant. */
    @Schema(name = "AuditActor", description = "Who made a change, as its bearer token said.")
    public record Actor(
            @Schema(description = "The token's subject; (system) for work no caller asked for, such as a consumer's.", example = "j.jansen")
            String subject,
            @Schema(description = "admin, corporation or partner.", example = "corporation") String role,
            @Schema(description = "The corporation or partner organisation the token names; absent for the admin.", example = "corp-demo")
            String organisation) {
    }
}
