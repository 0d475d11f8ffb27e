package nl.leefbaarheid.partner.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import nl.leefbaarheid.partner.api.DeliveryView;
import nl.leefbaarheid.partner.api.NewWebhook;
import nl.leefbaarheid.partner.api.SecretRotation;
import nl.leefbaarheid.partner.api.WebhookChange;
import nl.leefbaarheid.partner.api.WebhookView;
import nl.leefbaarheid.partner.service.WebhookService;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.ADMIN, Roles.PARTNER })
@Tag(name = "Webhooks", description = "Partner systems subscribed to signals: only public https targets, signed deliveries, retried, paused after repeated failure; types changed, secrets rotated, webhooks deleted by their owners.")
public class WebhookResource {

    private static final String IF_MATCH_DESCRIPTION = "The ETag of the webhook as read; the change is refused with 412 if it changed since.";
    private static final String TARGETS = "The URL must use https (plain http only to the host:port pairs an operator allows in partner.webhooks.allowed-targets, for local runs), carry no credentials, and name a host that is, and resolves only to, public addresses: no loopback, private, link-local (cloud metadata), carrier-grade NAT, multicast, documentation or other special-purpose address, in any spelling. It is checked again before every delivery, and the delivery connects to the address just checked.";
    private static final String REFUSED_EXAMPLE = """
            {"type": "https://leefbaarheid.nl/problems/validation-failed", "title": "Validation failed", "status": 422,
             "detail": "The webhook's URL points where webhooks may not send.",
             "errors": [{"field": "url", "message": "169.254.169.254 is the cloud metadata address (link-local): webhooks may not reach it"}]}""";

    @Inject
    WebhookService webhooks;

    @GET
    @Operation(operationId = "listWebhooks", summary = "List your webhooks", description = "With their delivery record: delivered, pending, failed, last error, paused.")
    public Page<WebhookView> list(@Valid @BeanParam PageRequest page) {
        return webhooks.list(page);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createWebhook", summary = "Subscribe a system to signals",
            description = "Each delivery is a POST of the signal as JSON with headers X-Leefbaarheid-Timestamp (Unix seconds) and X-Leefbaarheid-Signature: v1=hex(HMAC-SHA256(secret, timestamp + \".\" + body)); after a secret rotation, for the grace period, the header holds two comma-separated entries, the new secret's first: accept the delivery when any v1 entry matches. Refuse old timestamps to stop replays. Answer 2xx within the timeout; redirects are not followed; otherwise the delivery is retried with a doubling pause and, after the maximum attempts, the webhook is paused. " + TARGETS)
    @APIResponse(responseCode = "201", description = "Subscribed", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WebhookView.class)), headers = {
            @Header(name = "Location", description = "URL of the new webhook", schema = @Schema(type = SchemaType.STRING)),
            @Header(name = "ETag", description = "Version to send in If-Match", schema = @Schema(type = SchemaType.STRING)) })
    @APIResponse(responseCode = "422", description = "The URL points where webhooks may not send (a loopback, private, link-local, metadata or otherwise special address, or a name that resolves to one)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "#/components/schemas/Problem"),
                    examples = @ExampleObject(name = "metadata", value = REFUSED_EXAMPLE)))
    public Response create(@NotNull @Valid NewWebhook request, @Context UriInfo uri) {
        WebhookView created = webhooks.create(request);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build())
                .tag(ETags.of(created.version())).entity(created).build();
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getWebhook", summary = "Read one of your webhooks", description = "404 for webhooks of other organisations.")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WebhookView.class)), headers = @Header(name = "ETag", description = "Version to send in If-Match", schema = @Schema(type = SchemaType.STRING)))
    public Response get(@PathParam("id") UUID id) {
        return tagged(webhooks.get(id));
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "changeWebhook", summary = "Change the signal types of a webhook",
            description = "The types apply to signals made from now on; deliveries already queued go out. The URL cannot change: subscribe the new one and delete this one.")
    @APIResponse(responseCode = "200", description = "The webhook after the change", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WebhookView.class)), headers = @Header(name = "ETag", description = "New version", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "412", description = "The webhook changed since the If-Match version")
    public Response change(@PathParam("id") UUID id, @NotNull @Valid WebhookChange change,
            @Parameter(description = IF_MATCH_DESCRIPTION) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return tagged(webhooks.changeTypes(id, change, ETags.expectedVersion(ifMatch)));
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "deleteWebhook", summary = "Delete a webhook",
            description = "Its pending deliveries are never sent and its delivery record goes with it. An attempt already in flight may still arrive.")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(@PathParam("id") UUID id) {
        webhooks.delete(id);
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/secret-rotations")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "rotateWebhookSecret", summary = "Give a webhook a new secret",
            description = "From now on every delivery is signed with the new secret and, until previousSecretValidUntil (partner.webhooks.secret-grace, 24 hours by default), also with the old one: X-Leefbaarheid-Signature: v1=<new>, v1=<old>. Move the receiver to the new secret within that period; a receiver that accepts any matching v1 entry never misses a delivery. A second rotation within the period drops the oldest secret.")
    @APIResponse(responseCode = "200", description = "The webhook with its grace period", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WebhookView.class)), headers = @Header(name = "ETag", description = "New version", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "412", description = "The webhook changed since the If-Match version")
    public Response rotateSecret(@PathParam("id") UUID id, @NotNull @Valid SecretRotation rotation,
            @Parameter(description = IF_MATCH_DESCRIPTION) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return tagged(webhooks.rotateSecret(id, rotation, ETags.expectedVersion(ifMatch)));
    }

    private static Response tagged(WebhookView webhook) {
        return ETags.tagged(webhook, webhook.version());
    }

    @GET
    @Path("/{id}/deliveries")
    @Operation(operationId = "listWebhookDeliveries", summary = "List the deliveries of a webhook", description = "Latest first: attempts, last answer and last error of each.")
    public Page<DeliveryView> deliveries(@PathParam("id") UUID id, @Valid @BeanParam PageRequest page) {
        return webhooks.deliveries(id, page);
    }

    @POST
    @Path("/{id}/resume")
    @Operation(operationId = "resumeWebhook", summary = "Resume a paused webhook", description = "Its failed deliveries are tried again.")
    public WebhookView resume(@PathParam("id") UUID id) {
        return webhooks.resume(id);
    }
}
