package nl.leefbaarheid.catalog.api;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import nl.leefbaarheid.catalog.domain.CostBand;
import nl.leefbaarheid.catalog.domain.Dimension;
import nl.leefbaarheid.catalog.domain.EvidenceLevel;
import nl.leefbaarheid.catalog.domain.InterventionStatus;
import nl.leefbaarheid.catalog.domain.Strategy;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The filters of the intervention list and of the workbook export. Repeated parameters mean "any of". */
public class InterventionFilter {

    @QueryParam("theme")
    @Size(max = 40)
    @Parameter(description = "Theme code.", example = "sociale-leefbaarheid")
    public String theme;

    @QueryParam("subtopic")
    @Size(max = 64)
    @Parameter(description = "Subtopic code.", example = "samenleven")
    public String subtopic;

    @QueryParam("strategy")
    @Parameter(description = "Strategy; repeat for any of several.")
    public List<Strategy> strategy;

    @QueryParam("dimension")
    @Parameter(description = "Targeted Leefbaarometer dimension; repeat for any of several.")
    public List<Dimension> dimension;

    @QueryParam("indicator")
    @Size(max = 80)
    @Parameter(description = "Targeted indicator code.", example = "tenant.feeling-at-home")
    public String indicator;

    @QueryParam("evidenceLevel")
    @Parameter(description = "Evidence level; repeat for any of several.")
    public List<EvidenceLevel> evidenceLevel;

    @QueryParam("costBand")
    @Parameter(description = "Cost band; repeat for any of several.")
    public List<CostBand> costBand;

    @QueryParam("corporationAlone")
    @Pattern(regexp = "true|false", message = "must be true or false")
    @Parameter(description = "Only what the corporation can (true) or cannot (false) do alone.",
            schema = @Schema(type = SchemaType.BOOLEAN))
    public String corporationAlone;

    @QueryParam("q")
    @Size(max = 200)
    @Parameter(description = "Words that must all occur in the title or summary; case and accents do not matter.", example = "moestuin")
    public String q;

    @QueryParam("status")
    @Parameter(description = "Life-cycle status; repeat for several. Default: published. Drafts are shown to the admin and corporation roles only.")
    public List<InterventionStatus> status;
}
