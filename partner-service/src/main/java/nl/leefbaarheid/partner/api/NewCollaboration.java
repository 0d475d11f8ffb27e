package nl.leefbaarheid.partner.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "NewCollaboration", description = "Partners working together on a set of areas, and what of the corporation's non-public figures they may see.")
public record NewCollaboration(
        @NotBlank @Size(max = 200) @Schema(required = true, example = "Samen voor Noordwijk") String name,
        @NotNull @Pattern(regexp = "GM\\d{4}", message = "must be a municipality code such as GM0999") @Schema(required = true, example = "GM0999") String municipalityCode,
        @Size(max = 64) @Schema(description = "Only for admins; a corporation's own token decides otherwise.", example = "corp-demo") String corporationId,
        @NotBlank @Size(max = 64) @Schema(required = true, example = "gemeente-demostad") String coordinatorId,
        @NotNull @Size(max = 50) @Schema(required = true, description = "Organisation ids of the partners; the coordinator is one of them anyway.", example = "[\"gemeente-demostad\", \"politie-demostad\"]")
        List<@NotBlank @Size(max = 64) String> members,
        @NotEmpty @Size(max = 200) @Schema(required = true, example = "[\"WK099902\"]")
        List<@NotNull @Pattern(regexp = Codes.AREA, message = "must be a CBS area code") String> areas,
        @NotNull @Schema(required = true, example = "2026-01-01") LocalDate startDate,
        @Schema(example = "2027-12-31") LocalDate endDate,
        @NotNull @Schema(required = true) SharingScopeView sharing) {

    @Schema(name = "SharingScope", description = "Which non-public figures of the corporation the partners may see.")
    public record SharingScopeView(
            @Schema(description = "Complex-level figures.") boolean complexes,
            @Schema(description = "Tenant survey results (tenant experience in signals).") boolean surveys,
            @Schema(description = "Evaluation results of deployments.") boolean evaluations) {
    }
}
