package nl.leefbaarheid.catalog.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A change of a theme or subtopic: the fields given change, the others stay. */
@Schema(name = "ToolboxEntryChange", description = "A change of a theme or subtopic: the name, description or place given (the others stay),"
        + " and optionally why. The code stays: it is how interventions and other systems refer to it.")
public record ToolboxEntryChange(
        @Size(min = 1, max = 120) @Pattern(regexp = "[\\s\\S]*\\S[\\s\\S]*", message = "must not be blank") @Schema(example = "Sociale leefbaarheid") String name,
        @Size(max = 2000) @Schema(example = "Elkaar groeten en kennen, samenleven, thuis voelen, betrokkenheid en woonomgeving.") String description,
        @Min(1) @Max(999) @Schema(example = "3", description = "Place in the toolbox, or within the theme.") Integer position,
        @Size(max = 1000) @Schema(description = "Why: kept in the audit trail.", example = "De naam van het werkboek gevolgd.") String reason) {
}
