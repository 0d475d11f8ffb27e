package nl.leefbaarheid.partner.api;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Collaboration", description = "Partners working together on a set of areas: the corporation whose figures it is about, the coordinator, the period and what of the corporation's non-public figures the partners see.")
public record CollaborationView(
        @Schema(example = "3f1c9a52-7d0e-4b6a-9c11-2a5e8d4f6b70") UUID id,
        @Schema(example = "Samen voor Noordwijk") String name,
        @Schema(example = "GM0999") String municipalityCode,
        @Schema(example = "corp-demo") String corporationId,
        @Schema(example = "gemeente-demostad") String coordinatorId,
        @Schema(example = "2026-01-01") LocalDate startDate,
        @Schema(description = "Null while it runs without an end.", example = "2027-12-31") LocalDate endDate,
        NewCollaboration.SharingScopeView sharing,
        @Schema(description = "Organisation ids of the partners, the coordinator among them.", example = "[\"gemeente-demostad\", \"politie-demostad\"]") List<String> members,
        @Schema(description = "The area codes it works on.", example = "[\"WK099902\"]") List<String> areas,
        @Schema(description = "Why it ended, once ended.", example = "De wijkaanpak is afgerond.") String endReason,
        @Schema(description = "The version, also given as ETag: send it back in If-Match to change the collaboration.", example = "1") long version) {
}
