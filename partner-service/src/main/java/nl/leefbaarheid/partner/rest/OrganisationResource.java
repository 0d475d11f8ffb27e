package nl.leefbaarheid.partner.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
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
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import nl.leefbaarheid.partner.api.ActionFilter;
import nl.leefbaarheid.partner.api.ActionView;
import nl.leefbaarheid.partner.api.ContactChange;
import nl.leefbaarheid.partner.api.ContactView;
import nl.leefbaarheid.partner.api.ErasedContacts;
import nl.leefbaarheid.partner.api.NewContact;
import nl.leefbaarheid.partner.api.NewOrganisation;
import nl.leefbaarheid.partner.api.OrganisationChange;
import nl.leefbaarheid.partner.api.OrganisationView;
import nl.leefbaarheid.partner.service.ActionService;
import nl.leefbaarheid.partner.service.ContactService;
import nl.leefbaarheid.partner.service.OrganisationService;
import nl.leefbaarheid.platform.audit.AuditEntry;
import nl.leefbaarheid.platform.paging.Page;
import nl.leefbaarheid.platform.paging.PageRequest;
import nl.leefbaarheid.platform.security.Roles;
import nl.leefbaarheid.platform.web.ETags;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
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

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.ADMIN, Roles.CORPORATION, Roles.PARTNER })
    @Operation(operationId = "updateOrganisation", summary = "Correct an organisation",
            description = "Its name, type or municipality; by the organisation itself or an admin, for the version read (If-Match required: 428"
                    + " without, 412 when it changed since). Kept in its history with the reason.")
    @APIResponse(responseCode = "200", description = "The organisation after the change", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = OrganisationView.class)), headers = @Header(name = "ETag", description = "New version",
                    schema = @Schema(type = SchemaType.STRING)))
    public Response update(@PathParam("id") String id, @NotNull @Valid OrganisationChange change, @Parameter(description = "The ETag as read.") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        OrganisationView updated = organisations.update(id, ifMatch, change);
        return ETags.tagged(updated, updated.version());
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({ Roles.ADMIN, Roles.CORPORATION, Roles.PARTNER })
    @Operation(operationId = "getOrganisationHistory", summary = "The changes of an organisation",
            description = "Who changed what, when and why; newest first.")
    public Page<AuditEntry> history(@PathParam("id") String id, @Valid @BeanParam PageRequest page) {
        return organisations.history(id, page);
    }

    @GET
    @Path("/{id}/contacts")
    @RolesAllowed({ Roles.ADMIN, Roles.PARTNER })
    @Operation(operationId = "listContacts", summary = "List the contacts of your organisation",
            description = "By name. Personal data: for the organisation itself and the admin only (404 for others).")
    public Page<ContactView> contacts(@PathParam("id") String id, @Valid @BeanParam PageRequest page) {
        return contacts.list(id, page);
    }

    @POST
    @Path("/{id}/contacts")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.ADMIN, Roles.PARTNER })
    @Operation(operationId = "addContact", summary = "Add a contact to your organisation", description = "Name, role and e-mail; nothing more is kept.")
    @APIResponseSchema(value = ContactView.class, responseCode = "201", responseDescription = "The contact")
    public Response addContact(@PathParam("id") String id, @NotNull @Valid NewContact contact, @Context UriInfo uri) {
        ContactView created = contacts.add(id, contact);
        return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(created.id())).build()).tag(ETags.of(created.version()))
                .entity(created).build();
    }

    @DELETE
    @Path("/{id}/contacts")
    @RolesAllowed({ Roles.ADMIN, Roles.PARTNER })
    @Operation(operationId = "eraseContacts", summary = "Erase all contact persons of your organisation",
            description = "One call for a request to erase the organisation's personal data: every contact person goes; the audit trail"
                    + " never held their names or addresses (masked), only that they were erased.")
    public ErasedContacts eraseContacts(@PathParam("id") String id,
            @QueryParam("reason") @Size(max = 500) @Parameter(description = "Why; kept in the trail.") String reason) {
        return contacts.eraseAll(id, reason);
    }

    @GET
    @Path("/{id}/contacts/{contactId}")
    @RolesAllowed({ Roles.ADMIN, Roles.PARTNER })
    @Operation(operationId = "getContact", summary = "Read a contact of your organisation", description = "With its ETag.")
    @APIResponse(responseCode = "200", description = "The contact", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ContactView.class)), headers = @Header(name = "ETag", description = "Version to send in If-Match",
                    schema = @Schema(type = SchemaType.STRING)))
    public Response contact(@PathParam("id") String id, @PathParam("contactId") long contactId) {
        ContactView contact = contacts.get(id, contactId);
        return ETags.tagged(contact, contact.version());
    }

    @PATCH
    @Path("/{id}/contacts/{contactId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.ADMIN, Roles.PARTNER })
    @Operation(operationId = "updateContact", summary = "Correct a contact of your organisation",
            description = "Name, role or e-mail, for the version read (If-Match required).")
    @APIResponse(responseCode = "200", description = "The contact after the change", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ContactView.class)), headers = @Header(name = "ETag", description = "New version",
                    schema = @Schema(type = SchemaType.STRING)))
    public Response updateContact(@PathParam("id") String id, @PathParam("contactId") long contactId, @NotNull @Valid ContactChange change,
            @Parameter(description = "The ETag as read.") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        ContactView updated = contacts.update(id, contactId, ifMatch, change);
        return ETags.tagged(updated, updated.version());
    }

    @DELETE
    @Path("/{id}/contacts/{contactId}")
    @RolesAllowed({ Roles.ADMIN, Roles.PARTNER })
    @Operation(operationId = "eraseContact", summary = "Erase a contact person",
            description = "The contact person leaves: their data goes; the trail keeps only that they were erased.")
    @APIResponse(responseCode = "204", description = "Erased")
    public Response eraseContact(@PathParam("id") String id, @PathParam("contactId") long contactId,
            @QueryParam("reason") @Size(max = 500) @Parameter(description = "Why; kept in the trail.") String reason) {
        contacts.erase(id, contactId, reason);
        return Response.noContent().build();
    }

    @GET
    @Path("/{id}/contacts/{contactId}/history")
    @RolesAllowed({ Roles.ADMIN, Roles.PARTNER })
    @Operation(operationId = "getContactHistory", summary = "The changes of a contact person",
            description = "Who changed it when and why; names and addresses masked. Also after the contact was erased.")
    public Page<AuditEntry> contactHistory(@PathParam("id") String id, @PathParam("contactId") long contactId,
            @Valid @BeanParam PageRequest page) {
        return contacts.history(id, contactId, page);
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
