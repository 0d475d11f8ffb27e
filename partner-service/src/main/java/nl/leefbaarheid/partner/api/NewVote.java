package nl.leefbaarheid.partner.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "NewVote", description = "The caller's own votes on a pin; casting again replaces them, 0 takes them back.")
public record NewVote(@NotNull @Min(0) @Max(10) @Schema(required = true, example = "3") Integer votes) {
}
