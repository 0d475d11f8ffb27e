package nl.leefbaarheid.catalog.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import nl.leefbaarheid.catalog.api.NewSubtopic;
import nl.leefbaarheid.catalog.api.NewTheme;
import nl.leefbaarheid.catalog.api.SubtopicView;
import nl.leefbaarheid.catalog.api.ThemeView;
import nl.leefbaarheid.catalog.service.ThemeService;
import nl.leefbaarheid.platform.paging.Page;
import nl.leefbaarheid.platform.paging.PageRequest;
import nl.leefbaarheid.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/themes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Themes", description = "The themes of the intervention toolbox.")
public class ThemeResource {

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
    @Operation(operationId = "getTheme", summary = "Read one theme by its code", description = "Answers 404 for an unknown code.")
    public ThemeView get(@PathParam("code") String code) {
        return themes.get(code);
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
    @Operation(operationId = "getSubtopic", summary = "Read one subtopic of a theme", description = "Answers 404 for an unknown theme or subtopic.")
    public SubtopicView subtopic(@PathParam("code") String code, @PathParam("subtopic") String subtopic) {
        return themes.subtopic(code, subtopic);
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
