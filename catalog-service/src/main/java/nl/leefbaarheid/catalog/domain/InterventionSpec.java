package nl.leefbaarheid.catalog.domain;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What the catalogue says about an intervention: the content of one revision. Everything here may change
 * from revision to revision except the code.
 */
@Schema(name = "InterventionSpec", description = "The content of an intervention, as created or revised.")
public record InterventionSpec(
        @Size(max = 64) @Pattern(regexp = Patterns.SLUG, message = Patterns.SLUG_MESSAGE)
        @Schema(description = "Stable code, the intervention's id. Made from the title when left out on creation; cannot change.", example = "gemeenschappelijke-moestuin")
        String code,
        @NotBlank @Size(max = 64)
        @Schema(required = true, description = "Code of the subtopic the intervention belongs to.", example = "samenleven")
        String subtopicCode,
        @NotBlank @Size(max = 160) @Schema(required = true, example = "Gemeenschappelijke moestuin") String title,
        @NotBlank @Size(max = 1000)
        @Schema(required = true, example = "Bewoners leggen samen een moestuin aan op een braakliggend stuk grond bij het complex.")
        String summary,
        @NotBlank @Size(max = 4000) @Schema(required = true, example = "Bewoners leren elkaar kennen en voelen zich verantwoordelijk voor hun buurt.") String goal,
        @Size(max = 2000) @Schema(example = "Bewoners van het complex, in het bijzonder ouderen en gezinnen met kinderen.") String targetGroup,
        @Size(max = 4000) @Schema(example = "Een bewonersavond, een ontwerp met de bewoners, aanleg met een hovenier en begeleiding in het eerste seizoen.") String approach,
        @Size(max = 20) @Schema(example = "[\"Samen iets maken\", \"Vaste ontmoetingsmomenten\"]")
        List<@NotBlank @Size(max = 500) String> workingElements,
        @Size(max = 20) @Schema(example = "[\"Een beschikbaar stuk grond\", \"Twee of meer trekkers onder de bewoners\"]")
        List<@NotBlank @Size(max = 500) String> preconditions,
        @Size(max = 500) @Schema(example = "Wijkconsulent van de corporatie met een opbouwwerker") String carriedOutBy,
        @Size(max = 8) @Schema(description = "Kinds of partner the intervention needs.", example = "[\"welfare\"]")
        List<@NotNull PartnerType> partnerTypes,
        @NotNull @Schema(required = true, description = "Whether the corporation can carry it out without partners.", example = "false")
        Boolean corporationAlone,
        @NotNull @Schema(required = true, example = "social-approach") Strategy strategy,
        @NotEmpty @Size(max = 5) @Schema(required = true, description = "Leefbaarometer dimensions it targets.", example = "[\"soc\"]")
        List<@NotNull Dimension> dimensions,
        @Size(max = 20) @Schema(description = "Indicator codes it targets.", example = "[\"lbm.soc\", \"tenant.feeling-at-home\"]")
        List<@NotNull @Pattern(regexp = Patterns.INDICATOR, message = Patterns.INDICATOR_MESSAGE) String> indicators,
        @NotNull @Schema(required = true, example = "low") CostBand costBand,
        @Min(1) @Max(120) @Schema(description = "Typical duration in months.", example = "12") Integer durationMonths,
        @Schema(description = "Recognition level (Movisie/RIVM); absent when not assessed.", example = "well-founded") EvidenceLevel evidenceLevel,
        @Schema(description = "When the evidence level was assessed; required with a level.", example = "2024-03-01") LocalDate evidenceAssessedOn,
        @Size(max = 20) @Schema(example = "[\"Moestuin De Groene Hoek, Demostad (2023)\"]")
        List<@NotBlank @Size(max = 500) String> examples,
        @NotNull @Valid @Schema(required = true) EffectMeasurement effectMeasurement) {

    public InterventionSpec {
        workingElements = copy(workingElements);
        preconditions = copy(preconditions);
        partnerTypes = copy(partnerTypes);
        dimensions = copy(dimensions);
        indicators = copy(indicators);
        examples = copy(examples);
    }

    /** Keeps null elements, so that validation can name them instead of the constructor failing. */
    private static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(list));
    }

    public InterventionSpec withCode(String newCode) {
        return new InterventionSpec(newCode, subtopicCode, title, summary, goal, targetGroup, approach, workingElements,
                preconditions, carriedOutBy, partnerTypes, corporationAlone, strategy, dimensions, indicators, costBand,
                durationMonths, evidenceLevel, evidenceAssessedOn, examples, effectMeasurement);
    }
}
