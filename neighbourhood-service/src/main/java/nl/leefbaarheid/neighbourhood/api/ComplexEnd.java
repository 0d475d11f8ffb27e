package nl.leefbaarheid.neighbourhood.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ComplexEnd", description = "The corporation sold or demolished the complex: from endedOn it no longer counts for the corporation.")
public record ComplexEnd(
        @NotNull @Schema(required = true, description = "The first day it no longer counts.", example = "2027-01-01") LocalDate endedOn,
        @NotNull @Schema(required = true, example = "sold") Why endReason,
        @Size(max = 2000) @Schema(description = "Why: kept in the complex's history.", example = "Sold to a private landlord.") String reason) {

    /** Why a complex ended other than by a transfer (see {@link ComplexTransfer}). */
    public enum Why {
        sold, demolished
    }
}
