package nl.leefbaarheid.partner.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.leefbaarheid.partner.api.NewWebhook;
import nl.leefbaarheid.partner.service.WebhookService;
import nl.leefbaarheid.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.ADMIN, Roles.PARTNER })
@Tag(name = "Webhooks", description = "Partner systems subscribed to signals: signed deliveries, retried, paused after repeated failure.")
public class WebhookResource {

    @Inject
    WebhookService webhooks;

    @GET
    @Operation(operationId = "listWebhooks", summary = "List your webhooks", description = "With their delivery record: delivered, pending, failed, last error, paused.")
    public List<Map<String, Object>> list() {
        return webhooks.list();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createWebhook", summary = "Subscribe a system to signals",
            description = "Each delivery is a POST of the signal as JSON with headers X-Leefbaarheid-Timestamp (Unix seconds) and X-Leefbaarheid-Signature: v1=hex(HMAC-SHA256(secret, timestamp + \".\" + body)). Refuse old timestamps to stop replays. Answer 2xx within the timeout; otherwise the delivery is retried with a doubling pause and, after the maximum attempts, the webhook is paused.")
    public Response create(@NotNull @Valid NewWebhook request, @Context UriInfo uri) {
        Map<String, Object> created = webhooks.create(request);
        return Response.created(uri.getAbsolutePathBuilder().path(created.get("id").toString()).build()).entity(created).build();
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getWebhook", summary = "Read one of your webhooks", description = "404 for webhooks of other organisations.")
    public Map<String, Object> get(@PathParam("id") UUID id) {
        return webhooks.get(id);
    }

    @GET
    @Path("/{id}/deliveries")
    @Operation(operationId = "listWebhookDeliveries", summary = "List the latest deliveries of a webhook", description = "Attempts, last answer and last error of each.")
    public List<Map<String, Object>> deliveries(@PathParam("id") UUID id,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit) {
        return webhooks.deliveries(id, limit);
    }

    @POST
    @Path("/{id}/resume")
    @Operation(operationId = "resumeWebhook", summary = "Resume a paused webhook", description = "Its failed deliveries are tried again.")
    public Map<String, Object> resume(@PathParam("id") UUID id) {
        return webhooks.resume(id);
    }
}
