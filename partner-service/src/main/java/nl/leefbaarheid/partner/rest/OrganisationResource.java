package nl.leefbaarheid.partner.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import nl.leefbaarheid.partner.api.ActionFilter;
import nl.leefbaarheid.partner.api.ActionView;
import nl.leefbaarheid.partner.api.NewContact;
import nl.leefbaarheid.partner.api.NewOrganisation;
import nl.leefbaarheid.partner.api.OrganisationView;
import nl.leefbaarheid.partner.service.ActionService;
import nl.leefbaarheid.partner.service.ContactService;
import nl.leefbaarheid.partner.service.OrganisationService;
import nl.leefbaarheid.platform.paging.Page;
import nl.leefbaarheid.platform.paging.PageRequest;
import nl.leefbaarheid.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/organisations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Organisations", description = "Partner organisations that work together on livability.")
public class OrganisationResource {

    @Inject
    ActionService actions;

    @Inject
    OrganisationService organisations;

    @Inject
    ContactService contacts;

    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.CORPORATION, Roles.PARTNER })
    @Operation(operationId = "listOrganisations", summary = "List partner organisations", description = "Optionally of one municipality.")
    public Page<OrganisationView> list(
            @QueryParam("municipality") @Pattern(regexp = "GM\\d{4}", message = "must be a CBS municipality code") @Parameter(example = "GM0999") String municipality,
            @Valid @BeanParam PageRequest page) {
        return organisations.list(municipality, page);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.ADMIN, Roles.CORPORATION, Roles.PARTNER })
    @Operation(operationId = "getOrganisation", summary = "Read one partner organisation", description = "Answers 404 for an unknown id.")
    public OrganisationView get(@PathParam("id") @Parameter(example = "gemeente-demo") String id) {
        return organisations.get(id);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @APIResponseSchema(value = OrganisationView.class, responseDescription = "The organisation")
    @Operation(operationId = "createOrganisation", summary = "Register a partner organisation",
            description = "The id is the one its users' tokens carry as organisation_id; an id in use is refused with 409.")
    public Response create(@NotNull @Valid NewOrganisation request, @Context UriInfo uri) {
        OrganisationView created = organisations.create(request);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id()).build()).entity(created).build();
    }

    @GET
    @Path("/{id}/contacts")
    @RolesAllowed({ Roles.ADMIN, Roles.PARTNER })
    @Operation(operationId = "listContacts", summary = "List the contacts of your organisation",
            description = "By name. Personal data: for the organisation itself and the admin only (404 for others).")
    public Page<NewContact> contacts(@PathParam("id") String id, @Valid @BeanParam PageRequest page) {
        return contacts.list(id, page);
    }

    @POST
    @Path("/{id}/contacts")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.ADMIN, Roles.PARTNER })
    @Operation(operationId = "addContact", summary = "Add a contact to your organisation", description = "Name, role and e-mail; nothing more is kept.")
    @APIResponseSchema(value = NewContact.class, responseDescription = "The contact")
    public Response addContact(@PathParam("id") String id, @NotNull @Valid NewContact contact) {
        return Response.status(Response.Status.CREATED).entity(contacts.add(id, contact)).build();
    }

    @GET
    @Path("/{id}/actions")
    @RolesAllowed({ Roles.ADMIN, Roles.CORPORATION, Roles.PARTNER })
    @Operation(operationId = "listOwnerActions", summary = "An organisation's workshop actions",
            description = "The actions it owns in the workshops of collaborations the caller sees, due first; overdue=true gives its overdue"
                    + " list.")
    public Page<ActionView> actions(@PathParam("id") String owner, @Valid @BeanParam ActionFilter filter, @Valid @BeanParam PageRequest page) {
        return actions.ofOwner(owner, filter.status(), filter.overdue(), page);
    }
}
