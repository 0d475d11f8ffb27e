package nl.leefbaarheid.neighbourhood.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ComplexTransfer", description = "Another corporation takes the complex over from a date: the figures of periods before it stay"
        + " the old owner's, those from then on are the new owner's.")
public record ComplexTransfer(
        @NotBlank @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*", message = "must be lower-case words joined by hyphens")
        @Schema(required = true, description = "The new owner.", example = "corp-noord") String toCorporationId,
        @NotNull @Schema(required = true, description = "The first day the new owner holds it.", example = "2027-01-01") LocalDate on,
        @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]*", message = "must be letters, digits, dots, hyphens or underscores")
        @Schema(description = "The new owner's id of the complex; the same id when absent.", example = "N-0042") String newComplexId,
        @Size(max = 2000) @Schema(description = "Why: kept in the complex's history.", example = "Exchanged in the 2027 portfolio swap.") String reason) {
}
