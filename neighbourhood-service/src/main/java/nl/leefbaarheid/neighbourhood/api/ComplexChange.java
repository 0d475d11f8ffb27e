package nl.leefbaarheid.neighbourhood.api;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ComplexChange", description = "What changes in a complex (the fields given; the others stay), and optionally why.")
public record ComplexChange(
        @Size(min = 1, max = 200) @Pattern(regexp = ".*\\S.*", message = "must not be blank") @Schema(example = "Zonnehof-Zuid") String name,
        @Pattern(regexp = "BU\\d{4}[0-9A-Z]{4}", message = "must be a neighbourhood code such as BU09990101")
        @Schema(description = "The known neighbourhood it lies in; figures measured before stay where they were measured.",
                example = "BU09990102") String neighbourhoodCode,
        @Min(0) @Schema(example = "118") Integer homes,
        @Min(0) @Schema(example = "112") Integer households,
        @Size(max = 2000) @Schema(description = "Why: kept in the complex's history.", example = "Two homes were merged.") String reason) {
}
