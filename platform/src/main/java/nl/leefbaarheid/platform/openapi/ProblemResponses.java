package nl.leefbaarheid.platform.openapi;

import java.util.LinkedHashMap;
import java.util.Map;
import nl.leefbaarheid.platform.problem.Problem;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Documents the problem-details answers that every operation can give, so that each resource method
 * does not have to repeat them: 400/401/403/500/503 everywhere, 404 where a path names a resource,
 * 409/413/415 where a body is sent.
 */
public class ProblemResponses implements OASFilter {

    private static final String PROBLEM_REF = "#/components/schemas/Problem";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        addProblemSchema(openAPI.getComponents());
        if (openAPI.getPaths() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations().forEach((method, operation) -> {
            if (!path.startsWith("/api/")) {
                return;
            }
            APIResponses responses = operation.getResponses();
            documentCreation(method, operation, responses);
            add(responses, "400", "Invalid request: the problem names each invalid field.");
            add(responses, "401", "No valid bearer token.");
            add(responses, "403", "The token's role or tenant does not allow this.");
            if (path.contains("{")) {
                add(responses, "404", "No such resource, or not visible to this caller.");
            }
            if (operation.getRequestBody() != null) {
                add(responses, "409", "Conflicts with the current state of a resource.");
                add(responses, "413", "The body is larger than this service accepts.");
                add(responses, "415", "The body's content type is not accepted.");
            }
            add(responses, "500", "Unexpected failure; the problem carries a reference for support.");
            add(responses, "503", "Temporarily unavailable (e.g. the database); retry after the Retry-After seconds.");
        }));
    }

    /**
     * Creation answers 201 with a Location (the API convention), which the generated document, reading only the
     * method's return type, would call 200: an operation named create... or add... documents its answer as 201.
     */
    private static void documentCreation(PathItem.HttpMethod method, Operation operation, APIResponses responses) {
        String id = operation.getOperationId();
        if (method != PathItem.HttpMethod.POST || id == null || !id.matches("(create|add)[A-Z].*")
                || !responses.hasAPIResponse("200") || responses.hasAPIResponse("201")) {
            return;
        }
        APIResponse created = responses.getAPIResponse("200").description("Created; Location is the URL of the new resource.")
                .addHeader("Location", OASFactory.createHeader().description("URL of the new resource")
                        .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)));
        responses.removeAPIResponse("200");
        responses.addAPIResponse("201", created);
    }

    private static void add(APIResponses responses, String status, String description) {
        if (responses.hasAPIResponse(status)) {
            return;
        }
        responses.addAPIResponse(status, OASFactory.createAPIResponse().description(description)
                .content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_REF)))));
    }

    private static void addProblemSchema(Components components) {
        Schema string = OASFactory.createSchema().addType(Schema.SchemaType.STRING);
        components.addSchema("FieldError", OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("One invalid field of a request.")
                .properties(ordered("field", string.example("name"), "message",
                        OASFactory.createSchema().addType(Schema.SchemaType.STRING).example("must not be blank"))));
        Schema fieldError = OASFactory.createSchema().ref("#/components/schemas/FieldError");
        components.addSchema("Problem", OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem details (application/problem+json).")
                .addRequired("type").addRequired("title").addRequired("status")
                .properties(ordered(
                        "type", OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("uri")
                                .description("Stable URI of the kind of problem.")
                                .example(Problem.TYPE_BASE + "validation-failed"),
                        "title", OASFactory.createSchema().addType(Schema.SchemaType.STRING).example("Validation failed"),
                        "status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).example(400),
                        "detail", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                                .example("The request has 1 invalid field."),
                        "instance", OASFactory.createSchema().addType(Schema.SchemaType.STRING),
                        "errors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY).items(fieldError)
                                .description("For validation problems: one entry per invalid field."))));
    }

    /** The properties in the order given: {@code Map.of} iterates in an order that changes from one JVM to the next. */
    private static Map<String, Schema> ordered(Object... nameThenSchema) {
        Map<String, Schema> properties = new LinkedHashMap<>();
        for (int i = 0; i < nameThenSchema.length; i += 2) {
            properties.put((String) nameThenSchema[i], (Schema) nameThenSchema[i + 1]);
        }
        return properties;
    }
}
