package nl.leefbaarheid.catalog.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import nl.leefbaarheid.catalog.api.NewSubtopic;
import nl.leefbaarheid.catalog.api.NewTheme;
import nl.leefbaarheid.catalog.api.RetireRequest;
import nl.leefbaarheid.catalog.api.SubtopicView;
import nl.leefbaarheid.catalog.api.ThemeView;
import nl.leefbaarheid.catalog.api.ToolboxEntryChange;
import nl.leefbaarheid.catalog.service.ThemeService;
import nl.leefbaarheid.platform.paging.Page;
import nl.leefbaarheid.platform.paging.PageRequest;
import nl.leefbaarheid.platform.problem.Problem;
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

@Path("/api/v1/themes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Themes", description = "The themes and subtopics of the intervention toolbox: added, changed and retired.")
public class ThemeResource {

    static final String IF_MATCH = "The ETag of the theme or subtopic as read.";

    @Inject
    ThemeService themes;

    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.CORPORATION, Roles.PARTNER })
    @Operation(operationId = "listThemes", summary = "List the themes of the toolbox", description = "In toolbox order.")
    public Page<ThemeView> list(@Valid @BeanParam PageRequest page) {
        return themes.list(page);
    }

    @GET
    @Path("/{code}")
    @RolesAllowed({ Roles.ADMIN, Roles.CORPORATION, Roles.PARTNER })
    @Operation(operationId = "getTheme", summary = "Read one theme by its code",
            description = "Answers 404 for an unknown code. Its ETag is the version to send in If-Match when changing it.")
    @APIResponse(responseCode = "200", description = "The theme", headers = @Header(name = "ETag", description = "Version to send in If-Match",
            schema = @Schema(type = SchemaType.STRING)), content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ThemeView.class)))
    public Response get(@PathParam("code") String code) {
        ThemeView theme = themes.get(code);
        return Response.ok(theme).tag(ETags.of(theme.version())).build();
    }

    @PATCH
    @Path("/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.ADMIN, Roles.CORPORATION })
    @Operation(operationId = "changeTheme", summary = "Change the name, description or place of a theme",
            description = "The fields given change, the others stay; the code stays. If-Match is required (428 without it, 412 when the theme"
                    + " changed since); a name another theme's workbook sheet has is refused (409), and so is a change of a retired theme."
                    + " The change is in the audit trail (GET /api/v1/audit-entries?recordKind=theme), with the reason given.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ToolboxEntryChange.class),
            examples = @ExampleObject(name = "a clearer description", value = "{\"description\": \"Elkaar groeten en kennen, samenleven en"
                    + " betrokkenheid.\", \"reason\": \"Afgestemd met de huurdersorganisatie.\"}")))
    @APIResponse(responseCode = "200", description = "The theme after the change", headers = @Header(name = "ETag", description = "New version",
            schema = @Schema(type = SchemaType.STRING)), content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ThemeView.class)))
    @APIResponse(responseCode = "412", description = "The theme changed since the If-Match version", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "#/components/schemas/Problem")))
    @APIResponse(responseCode = "428", description = "If-Match is missing", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "#/components/schemas/Problem")))
    public Response change(@PathParam("code") String code, @NotNull @Valid ToolboxEntryChange change,
            @Parameter(description = IF_MATCH + " Required.") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        ThemeView theme = themes.changeTheme(code, change, ifMatch);
        return Response.ok(theme).tag(ETags.of(theme.version())).build();
    }

    @POST
    @Path("/{code}/retire")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.ADMIN, Roles.CORPORATION })
    @Operation(operationId = "retireTheme", summary = "Retire a theme and its subtopics, with the reason",
            description = "The theme, its subtopics and their interventions stay (in lists, the workbook and the revisions deployed), marked"
                    + " retiredAt; its subtopics take no new interventions or revisions and it takes no new subtopics. 409 when it was retired"
                    + " before; If-Match is optional, and when given must be the current ETag (412). In the audit trail, each subtopic too.")
    @APIResponse(responseCode = "200", description = "The retired theme", headers = @Header(name = "ETag", description = "New version",
            schema = @Schema(type = SchemaType.STRING)), content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ThemeView.class)))
    @APIResponse(responseCode = "412", description = "The theme changed since the If-Match version", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "#/components/schemas/Problem")))
    public Response retire(@PathParam("code") String code, @NotNull @Valid RetireRequest request,
            @Parameter(description = IF_MATCH + " Optional.") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        ThemeView theme = themes.retireTheme(code, request.reason(), ifMatch);
        return Response.ok(theme).tag(ETags.of(theme.version())).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.ADMIN, Roles.CORPORATION })
    @Operation(operationId = "createTheme", summary = "Add a theme to the toolbox", description = "Theme codes are unique; a code in use is refused with 409.")
    @APIResponseSchema(value = ThemeView.class, responseDescription = "The theme")
    public Response create(@NotNull @Valid NewTheme request, @Context UriInfo uri) {
        ThemeView created = themes.create(request);
        return Response.created(uri.getAbsolutePathBuilder().path(created.code()).build()).entity(created).build();
    }

    @GET
    @Path("/{code}/subtopics")
    @RolesAllowed({ Roles.ADMIN, Roles.CORPORATION, Roles.PARTNER })
    @Operation(operationId = "listSubtopics", summary = "List the subtopics of a theme", description = "In toolbox order.")
    public List<SubtopicView> subtopics(@PathParam("code") String code) {
        return themes.subtopics(code);
    }

    @GET
    @Path("/{code}/subtopics/{subtopic}")
    @RolesAllowed({ Roles.ADMIN, Roles.CORPORATION, Roles.PARTNER })
    @Operation(operationId = "getSubtopic", summary = "Read one subtopic of a theme",
            description = "Answers 404 for an unknown theme or subtopic. Its ETag is the version to send in If-Match when changing it.")
    @APIResponse(responseCode = "200", description = "The subtopic", headers = @Header(name = "ETag", description = "Version to send in If-Match",
            schema = @Schema(type = SchemaType.STRING)), content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SubtopicView.class)))
    public Response subtopic(@PathParam("code") String code, @PathParam("subtopic") String subtopic) {
        SubtopicView view = themes.subtopic(code, subtopic);
        return Response.ok(view).tag(ETags.of(view.version())).build();
    }

    @PATCH
    @Path("/{code}/subtopics/{subtopic}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.ADMIN, Roles.CORPORATION })
    @Operation(operationId = "changeSubtopic", summary = "Change the name, description or place of a subtopic",
            description = "The fields given change, the others stay; the code and theme stay. If-Match is required (428 without it, 412 when the"
                    + " subtopic changed since); a retired subtopic cannot change (409). The change is in the audit trail"
                    + " (GET /api/v1/audit-entries?recordKind=subtopic), with the reason given.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ToolboxEntryChange.class),
            examples = @ExampleObject(name = "another place", value = "{\"position\": 1, \"reason\": \"Vaakst gekozen.\"}")))
    @APIResponse(responseCode = "200", description = "The subtopic after the change", headers = @Header(name = "ETag", description = "New version",
            schema = @Schema(type = SchemaType.STRING)), content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SubtopicView.class)))
    @APIResponse(responseCode = "412", description = "The subtopic changed since the If-Match version", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "#/components/schemas/Problem")))
    @APIResponse(responseCode = "428", description = "If-Match is missing", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "#/components/schemas/Problem")))
    public Response changeSubtopic(@PathParam("code") String code, @PathParam("subtopic") String subtopic,
            @NotNull @Valid ToolboxEntryChange change,
            @Parameter(description = IF_MATCH + " Required.") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        SubtopicView view = themes.changeSubtopic(code, subtopic, change, ifMatch);
        return Response.ok(view).tag(ETags.of(view.version())).build();
    }

    @POST
    @Path("/{code}/subtopics/{subtopic}/retire")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.ADMIN, Roles.CORPORATION })
    @Operation(operationId = "retireSubtopic", summary = "Retire a subtopic, with the reason",
            description = "The subtopic and its interventions stay, marked retiredAt; it takes no new interventions or revisions. 409 when it was"
                    + " retired before; If-Match is optional, and when given must be the current ETag (412). In the audit trail.")
    @APIResponse(responseCode = "200", description = "The retired subtopic", headers = @Header(name = "ETag", description = "New version",
            schema = @Schema(type = SchemaType.STRING)), content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SubtopicView.class)))
    @APIResponse(responseCode = "412", description = "The subtopic changed since the If-Match version", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "#/components/schemas/Problem")))
    public Response retireSubtopic(@PathParam("code") String code, @PathParam("subtopic") String subtopic, @NotNull @Valid RetireRequest request,
            @Parameter(description = IF_MATCH + " Optional.") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        SubtopicView view = themes.retireSubtopic(code, subtopic, request.reason(), ifMatch);
        return Response.ok(view).tag(ETags.of(view.version())).build();
    }

    @POST
    @Path("/{code}/subtopics")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.ADMIN, Roles.CORPORATION })
    @Operation(operationId = "createSubtopic", summary = "Add a subtopic to a theme",
            description = "Subtopic codes are unique over the whole toolbox; a code in use is refused with 409.")
    @APIResponseSchema(value = SubtopicView.class, responseDescription = "The subtopic")
    public Response createSubtopic(@PathParam("code") String code, @NotNull @Valid NewSubtopic request, @Context UriInfo uri) {
        SubtopicView created = themes.createSubtopic(code, request);
        return Response.created(uri.getAbsolutePathBuilder().path(created.code()).build()).entity(created).build();
    }
}
