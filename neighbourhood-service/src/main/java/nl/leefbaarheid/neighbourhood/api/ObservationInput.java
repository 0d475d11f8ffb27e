package nl.leefbaarheid.neighbourhood.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One observation of a batch, as JSON or as a CSV row. Checked row by row; see the import answer. */
@Schema(name = "ObservationInput", description = "A value of an indicator for an area (or a complex in it) and a period.")
public record ObservationInput(
        @Schema(required = true, example = "BU09990101") String areaCode,
        @Schema(description = "The corporation's complex id, for complex-level figures.", example = "ZH-01") String complexId,
        @Schema(required = true, example = "tenant.feeling-at-home") String indicator,
        @Schema(required = true, description = "A year, quarter or month.", example = "2026-Q3") String period,
        @Schema(required = true, example = "7.4") Double value,
        @Schema(description = "Respondent count, for survey figures.", example = "54") Integer respondents,
        @Schema(description = "Where the figure comes from.", example = "kwh-huurderslabel") String source,
        @Schema(description = "Owner of restricted figures; only the admin role gives it, a corporation's own token decides otherwise.", example = "corp-demo")
        String corporationId) {
}
