package nl.leefbaarheid.neighbourhood.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.util.List;
import nl.leefbaarheid.neighbourhood.api.AreaChange;
import nl.leefbaarheid.neighbourhood.api.AreaView;
import nl.leefbaarheid.neighbourhood.api.ColourOverrideRequest;
import nl.leefbaarheid.neighbourhood.api.ImportJobView;
import nl.leefbaarheid.neighbourhood.api.NewArea;
import nl.leefbaarheid.neighbourhood.api.ObservationView;
import nl.leefbaarheid.neighbourhood.api.RegistryArea;
import nl.leefbaarheid.neighbourhood.api.RegistryImportResult;
import nl.leefbaarheid.neighbourhood.api.StatusVersion;
import nl.leefbaarheid.neighbourhood.api.StatusView;
import nl.leefbaarheid.neighbourhood.domain.AreaLevel;
import nl.leefbaarheid.neighbourhood.domain.ImportJob;
import nl.leefbaarheid.neighbourhood.domain.Period;
import nl.leefbaarheid.neighbourhood.domain.TenantBasis;
import nl.leefbaarheid.neighbourhood.service.Access;
import nl.leefbaarheid.neighbourhood.service.AreaService;
import nl.leefbaarheid.neighbourhood.service.ComplexService;
import nl.leefbaarheid.neighbourhood.service.ObservationQueries;
import nl.leefbaarheid.neighbourhood.service.RegistryService;
import nl.leefbaarheid.neighbourhood.service.StatusQueries;
import nl.leefbaarheid.platform.paging.Page;
import nl.leefbaarheid.platform.paging.PageRequest;
import nl.leefbaarheid.platform.problem.ProblemException;
import nl.leefbaarheid.platform.security.Caller;
import nl.leefbaarheid.platform.security.Roles;
import nl.leefbaarheid.platform.web.ETags;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/areas")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Areas", description = "CBS municipalities, districts and neighbourhoods, per year.")
public class AreaResource {

    static final String AREA = AreaLevel.CODE_PATTERN;
    static final String INDICATOR = "[a-z][a-z0-9.-]{0,79}";
    static final String CSV = ObservationResource.CSV;
    static final String IF_MATCH = "The ETag of the area as read; required, and the change is refused with 412 if the area changed since.";

    @Inject
    StatusQueries queries;

    @Inject
    ComplexService complexes;

    @Inject
    Access access;

    @Inject
    Caller caller;

    @Inject
    AreaService areas;

    @Inject
    RegistryService registry;

    @Inject
    ObservationQueries observations;

    @Inject
    ImportAnswers answers;

    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.CORPORATION, Roles.PARTNER })
    @Operation(operationId = "listAreas", summary = "List areas", description = "Filter by level, parent area and year.")
    public Page<AreaView> list(
            @QueryParam("level") @Pattern(regexp = "municipality|district|neighbourhood", message = "must be one of: municipality, district, neighbourhood")
            @Parameter(description = "municipality, district or neighbourhood", example = "neighbourhood") String level,
            @QueryParam("parent") @Pattern(regexp = AreaLevel.CODE_PATTERN, message = "must be a CBS code") @Parameter(example = "GM0999") String parent,
            @QueryParam("year") @Min(2000) @Max(2100) @Parameter(example = "2024") Integer year,
            @Valid @BeanParam PageRequest page) {
        return areas.list(level == null ? null : AreaLevel.valueOf(level.toUpperCase()), parent, year, page);
    }

    @GET
    @Path("/{code}")
    @RolesAllowed({ Roles.ADMIN, Roles.CORPORATION, Roles.PARTNER })
    @Operation(operationId = "getArea", summary = "Read one area", description = "In the given year, or its latest year; its ETag is the version to send in If-Match when changing it.")
    @APIResponse(responseCode = "200", description = "OK", headers = @Header(name = "ETag", description = "Version to send in If-Match", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AreaView.class)))
    public Response get(@PathParam("code") @Parameter(example = "BU09990101") String code,
            @QueryParam("year") @Min(2000) @Max(2100) Integer year) {
        return tagged(areas.get(code, year));
    }

    @PUT
    @Path("/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "replaceArea", summary = "Change the name, households and homes of an area in a year",
            description = "Sets all three: the name is required, households or homes left out become unknown. If-Match is required (428 without it; "
                    + "412 when the area changed since). A change is published on neighbourhood.areas.v1; the same values again change nothing.")
    @APIResponse(responseCode = "200", description = "The area after the change", headers = @Header(name = "ETag", description = "New version", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AreaView.class)))
    @APIResponse(responseCode = "412", description = "The area changed since the If-Match version")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response replace(@PathParam("code") @Pattern(regexp = AREA, message = "must be a CBS area code") String code,
            @QueryParam("year") @NotNull @Min(2000) @Max(2100) @Parameter(example = "2024", required = true) Integer year,
            @NotNull @Valid AreaChange change, @Parameter(description = IF_MATCH) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return tagged(areas.change(code, year, change, expectedVersion(ifMatch), true));
    }

    @PATCH
    @Path("/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "patchArea", summary = "Change some of the name, households and homes of an area in a year",
            description = "Changes the fields given (a field left out or null keeps its value). If-Match is required (428 without it; "
                    + "412 when the area changed since). A change is published on neighbourhood.areas.v1; the same values again change nothing.")
    @APIResponse(responseCode = "200", description = "The area after the change", headers = @Header(name = "ETag", description = "New version", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AreaView.class)))
    @APIResponse(responseCode = "412", description = "The area changed since the If-Match version")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response patch(@PathParam("code") @Pattern(regexp = AREA, message = "must be a CBS area code") String code,
            @QueryParam("year") @NotNull @Min(2000) @Max(2100) @Parameter(example = "2024", required = true) Integer year,
            @NotNull @Valid AreaChange change, @Parameter(description = IF_MATCH) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return tagged(areas.change(code, year, change, expectedVersion(ifMatch), false));
    }

    @POST
    @Path("/registry")
    @Consumes({ CSV, MediaType.TEXT_PLAIN })
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "importAreaRegistry", summary = "Register or update every area of a year from the CBS table Kerncijfers wijken en buurten",
            description = "The table as downloaded: semicolon or comma separated (the header line decides), quoted text, values trimmed (codes and "
                    + "kinds are padded with spaces), . for a missing value. Columns are recognised by their stem, the name before a numeric "
                    + "suffix that changes between years (Codering_3 is Codering), in any order; others are ignored. Codering (required) is the "
                    + "code and decides the level; SoortRegio (Gemeente, Wijk, Buurt), where present, must agree with it; the row of the country "
                    + "(Land, NL00) is skipped. WijkenEnBuurten is the name; where it holds the code instead (the OData typed data set), the name "
                    + "comes from a Naam column, for a municipality from Gemeentenaam, else the code is the name. HuishoudensTotaal and "
                    + "Woningvoorraad are the households and homes. Parents follow from the codes (BU09990101 in WK099901 in GM0999) and must be "
                    + "in the file or registered for the year. All or nothing: every bad line is named (line and column) and nothing is stored. "
                    + "New and changed areas are published on neighbourhood.areas.v1; areas of the year not in the file stay; the same file "
                    + "again changes nothing. InBezitWoningcorporatie, where present, is the percentage of the homes owned by housing "
                    + "corporations (decimals allowed): the corporation homes are that share of Woningvoorraad, rounded; missing, the "
                    + "corporation homes registered stay. Where households change, the statuses they weigh in (the area's own, and the "
                    + "districts and municipalities above it, weighted by households) are recalculated before the answer. The answer "
                    + "counts new, updated and unchanged areas by level, and lists the codes new and disappeared since the previous year "
                    + "the file's municipalities were registered for (within those municipalities). A file above 1 MB (about 18,000 "
                    + "areas: the whole country), or any file sent with Prefer: respond-async, is answered at once with 202 and an "
                    + "import job (Location: /api/v1/imports/{id}) whose answer, when done, is this one.")
    @RequestBody(content = @Content(mediaType = CSV, examples = @ExampleObject(name = "a CBS download",
            value = "\"ID\";\"WijkenEnBuurten\";\"Gemeentenaam_1\";\"SoortRegio_2\";\"Codering_3\";\"HuishoudensTotaal_29\";\"Woningvoorraad_35\"\n"
                    + "1;\"Nederland\";\"Nederland\";\"Land      \";\"NL00      \";8100000;8200000\n"
                    + "2;\"Demostad\";\"Demostad\";\"Gemeente  \";\"GM0999    \";6200;6500\n"
                    + "3;\"Centrum\";\"Demostad\";\"Wijk      \";\"WK099901  \";2100;.\n"
                    + "4;\"Centrum-Noord\";\"Demostad\";\"Buurt     \";\"BU09990101\";1240;1310\n"),
            schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "200", description = "What changed", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = RegistryImportResult.class)))
    @APIResponse(responseCode = "202", description = "The file is imported as a job: read it at Location until it is done or failed",
            headers = @Header(name = "Location", description = "The import job", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportJobView.class)))
    public Response importRegistry(@QueryParam("year") @NotNull @Min(2000) @Max(2100) @Parameter(example = "2024", required = true) Integer year,
            InputStream csv, @Parameter(description = ImportAnswers.PREFER_DESCRIPTION, example = "respond-async")
            @HeaderParam(ImportAnswers.PREFER) String prefer, @Context HttpHeaders headers, @Context UriInfo uri) {
        return answers.answer(ImportJob.Kind.AREA_REGISTRY, year, csv, headers, uri);
    }

    @POST
    @Path("/registry")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "importAreaRegistryJson", summary = "Register or update many areas of a year",
            description = "The JSON form of the registry import: an array of areas (code, name, households, homes, corporationHomes; year, where given, must be "
                    + "the import's). The same rules and answer as the file; errors are named areas[i].field.")
    @APIResponse(responseCode = "200", description = "What changed", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = RegistryImportResult.class)))
    public RegistryImportResult importRegistryJson(@QueryParam("year") @NotNull @Min(2000) @Max(2100) @Parameter(example = "2024", required = true) Integer year,
            @NotNull @Size(min = 1, max = 50_000) List<RegistryArea> areas) {
        return registry.importJson(year, areas);
    }

    private static Long expectedVersion(String ifMatch) {
        return ETags.requiredVersion(ifMatch, "Send the area's ETag (from GET /api/v1/areas/{code}?year=) in If-Match.");
    }

    private static Response tagged(AreaService.Versioned area) {
        return Response.ok(area.area()).tag(ETags.of(area.version())).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "createArea", summary = "Register an area for a year",
            description = "The level follows from the CBS code; a district or neighbourhood names the area it lies in, registered for the same year. The same code and year again is refused with 409.")
    @APIResponseSchema(value = AreaView.class, responseDescription = "The area")
    public Response create(@NotNull @Valid NewArea request, @Context UriInfo uri) {
        AreaView created = areas.create(request);
        return Response.created(uri.getAbsolutePathBuilder().path(created.code()).queryParam("year", created.year()).build())
                .entity(created).build();
    }

    @GET
    @Path("/{code}/status")
    @RolesAllowed({ Roles.ADMIN, Roles.CORPORATION, Roles.PARTNER })
    @Operation(operationId = "getAreaStatus", summary = "Read the current status of an area",
            description = "Neighbourhoods from their observations; districts and municipalities aggregated from their neighbourhoods, weighted by households, except their livability where official Leefbaarometer scores of the district or municipality were imported (classSource file or derived instead of aggregated). Tenant figures belong to the corporation that measured them: the tenant experience (and the tenant signals and the priority that follow from it) is computed from the caller's own corporation's marks and those shared with it; the admin sees all of them; a caller who may see none gets the public status (restricted: true).")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StatusView.class)))
    public Response status(@PathParam("code") @Pattern(regexp = AREA, message = "must be a CBS area code") String code) {
        // the view as written once per stored version of the status (StatusViewCache), not serialised per request
        return Response.ok(queries.statusJson(code), MediaType.APPLICATION_JSON_TYPE).build();
    }

    @GET
    @Path("/{code}/observations")
    @RolesAllowed({ Roles.ADMIN, Roles.CORPORATION, Roles.PARTNER })
    @Operation(operationId = "listAreaObservations", summary = "List the observations of an area",
            description = "The figures the status of the area is computed from, latest period first: the Leefbaarometer scores, resilience"
                    + " figures, batches and measurements (source measurement:<id>; a corrected one with its corrected value, a withdrawn one"
                    + " no more), of the area itself and of the complexes in it. Scoped as the status is: public figures for every caller;"
                    + " restricted ones (tenant surveys, own reports, complexes' figures) only for their corporation and those it shares them"
                    + " with, all of them for the admin. A district or municipality lists its own observations (official Leefbaarometer"
                    + " scores), not those of its neighbourhoods. 404 for an area never registered.")
    public Page<ObservationView> observations(@PathParam("code") @Pattern(regexp = AREA, message = "must be a CBS area code") String code,
            @QueryParam("indicator") @Pattern(regexp = INDICATOR, message = "must be an indicator code such as tenant.feeling-at-home")
            @Parameter(description = "Only those of this indicator.", example = "tenant.feeling-at-home") String indicator,
            @QueryParam("period") @Pattern(regexp = Period.PATTERN, message = Period.MESSAGE)
            @Parameter(description = "Only those of this period.", example = "2026-Q3") String period,
            @QueryParam("source") @Size(min = 1, max = 120)
            @Parameter(description = "Only those of this source.", example = "leefbaarometer") String source,
            @Valid @BeanParam PageRequest page) {
        return observations.list(code, new ObservationQueries.Filter(indicator, period, source), page);
    }

    @GET
    @Path("/{code}/status/history")
    @RolesAllowed({ Roles.ADMIN, Roles.CORPORATION, Roles.PARTNER })
    @Operation(operationId = "getAreaStatusHistory", summary = "Read every version of an area's status",
            description = "Newest first, each with what changed and why, and each as the caller may see it (as the current status): also the versions stored before another corporation's figures arrived. Where the caller does not see a version whole, its changes are those of what it sees.")
    public Page<StatusVersion> history(@PathParam("code") @Pattern(regexp = AREA, message = "must be a CBS area code") String code,
            @Valid @BeanParam PageRequest page) {
        return queries.history(code, page);
    }

    @PUT
    @Path("/{code}/tenant-colour-override")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.ADMIN, Roles.CORPORATION })
    @Operation(operationId = "overrideAreaColour", summary = "Override the tenant colour of a neighbourhood",
            description = "For a professional who does not recognise the computed colour. The override is the caller's corporation's own (one per corporation; the admin's is seen by the admin only): the status shows it, with reason, author and date beside the computed colour, to those who may see that corporation's figures. A corporation needs a complex in the neighbourhood.")
    public StatusView override(@PathParam("code") @Pattern(regexp = "BU\\d{4}[0-9A-Z]{4}", message = "must be a neighbourhood code") String code,
            @NotNull @Valid ColourOverrideRequest request) {
        complexes.override(code, code, null, overrideOwner(code), request, caller.name());
        return queries.status(code);
    }

    @DELETE
    @Path("/{code}/tenant-colour-override")
    @RolesAllowed({ Roles.ADMIN, Roles.CORPORATION })
    @Operation(operationId = "removeAreaColourOverride", summary = "Remove the tenant colour override of a neighbourhood",
            description = "The caller's corporation's override is removed; the computed colour (or another corporation's override) applies again.")
    public StatusView removeOverride(@PathParam("code") @Pattern(regexp = "BU\\d{4}[0-9A-Z]{4}", message = "must be a neighbourhood code") String code) {
        complexes.override(code, code, null, overrideOwner(code), null, caller.name());
        return queries.status(code);
    }

    /** The owner of the caller's override of a neighbourhood: its corporation, which needs a complex there, or the admin. */
    private String overrideOwner(String code) {
        if (!access.ownsComplexIn(code)) {
            throw ProblemException.forbidden("Only a corporation with complexes in " + code + " may set its tenant colour.");
        }
        return caller.corporationId().orElse(TenantBasis.ADMIN);
    }
}
