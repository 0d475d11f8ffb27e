package nl.leefbaarheid.partner.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "NewWorkshop", description = "A workshop (werkatelier) of a collaboration as it took place: who came, the areas on the table, the problems pinned and the actions chosen.")
public record NewWorkshop(
        @NotBlank @Size(max = 300) @Schema(required = true, example = "Werkatelier Noordwijk, voorjaar 2026") String title,
        @NotNull @Schema(required = true, example = "2026-04-14") LocalDate heldOn,
        @NotEmpty @Size(max = 100) @Schema(required = true, description = "Organisation ids of the participants.", example = "[\"gemeente-demostad\", \"politie-demostad\"]")
        List<@NotBlank @Size(max = 64) String> participants,
        @NotEmpty @Size(max = 50) @Schema(required = true, example = "[\"BU09990201\", \"BU09990202\"]")
        List<@Pattern(regexp = "GM\\d{4}|WK\\d{4}[0-9A-Z]{2}|BU\\d{4}[0-9A-Z]{4}", message = "must be a CBS area code") String> areas,
        @Size(max = 500) @Schema(description = "The problems pinned on the map.") List<@Valid @NotNull Pin> pins,
        @Size(max = 200) @Schema(description = "The actions chosen.") List<@Valid @NotNull Action> actions) {

    @Schema(name = "Pin", description = "A problem pinned in an area: where, which dimension, how severe, and each partner's votes.")
    public record Pin(
            @NotNull @Pattern(regexp = "BU\\d{4}[0-9A-Z]{4}", message = "must be a neighbourhood code") @Schema(required = true, example = "BU09990202") String areaCode,
            @Size(max = 300) @Schema(example = "Pleintje achter de Rembrandtflat") String location,
            @Size(max = 64) @Schema(example = "SC-04") String complexId,
            @NotNull @Pattern(regexp = "won|fys|vrz|soc|onv", message = "must be won, fys, vrz, soc or onv") @Schema(required = true, example = "onv") String dimension,
            @NotNull @Min(1) @Max(5) @Schema(required = true, example = "4") Integer severity,
            @NotBlank @Size(max = 2000) @Schema(required = true, example = "Jongeren hangen 's avonds rond; bewoners voelen zich onveilig.") String description,
            @Schema(description = "Votes per partner organisation.", example = "{\"politie-demostad\": 3, \"gemeente-demostad\": 2}") Map<@NotBlank String, @NotNull @Min(0) @Max(10) Integer> votes) {
    }

    @Schema(name = "WorkshopAction", description = "An action chosen: an intervention of the catalogue or a free action, who does it, by when.")
    public record Action(
            @Min(0) @Schema(description = "Index in pins of the problem it answers.", example = "0") Integer pin,
            @Size(max = 64) @Schema(example = "jongerenwerk-op-hangplekken") String interventionId,
            @NotBlank @Size(max = 2000) @Schema(required = true, example = "Jongerenwerk op vaste avonden bij het pleintje") String description,
            @NotBlank @Size(max = 64) @Schema(required = true, example = "welzijn-demostad") String ownerId,
            @NotNull @Schema(required = true, example = "2026-09-01") LocalDate dueOn,
            @NotNull @Schema(required = true, description = "Whether the corporation can do it alone.", example = "false") Boolean corporationAlone) {
    }
}
