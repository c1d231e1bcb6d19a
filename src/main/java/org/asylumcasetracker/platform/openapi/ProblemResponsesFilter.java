package org.asylumcasetracker.platform.openapi;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Documents the API's conventions once for all operations: the {@code Problem} schema, the responses
 * every secured operation can give (400, 401, 403, 429, 500, 503), problem+json content for the
 * resource-specific ones (404, 409, 412, 422) that the resources declare, 413 and 415 for operations that
 * take a body, and the Idempotency-Key header of every POST.
 */
public class ProblemResponsesFilter implements OASFilter {

    private static final String PROBLEM_REF = "#/components/schemas/Problem";
    private static final Map<String, String> COMMON = Map.of(
            "400", "Invalid input: the problem lists the fields in `errors`",
            "401", "No token, or an invalid or expired one",
            "403", "The token's role may not do this, or its organization is unknown",
            "429", "Too many requests from this caller or organization; retry after the `Retry-After` seconds",
            "500", "Unexpected failure; the problem carries a `reference` to quote",
            "503", "The identity provider or the database is unreachable; retry later");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents().addSchema("Problem", problemSchema());
        openAPI.getComponents().addSchema("FieldError", fieldErrorSchema());
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            if (item.getOperations() == null) {
                continue;
            }
            for (Map.Entry<PathItem.HttpMethod, Operation> operation :
                    item.getOperations().entrySet()) {
                if (operation.getKey() == PathItem.HttpMethod.POST) {
                    documentIdempotency(operation.getValue());
                }
                document(operation.getValue());
            }
        }
    }

    private static void document(Operation operation) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        for (Map.Entry<String, String> common : COMMON.entrySet()) {
            if (!responses.hasAPIResponse(common.getKey())) {
                responses.addAPIResponse(
                        common.getKey(), OASFactory.createAPIResponse().description(common.getValue()));
            }
        }
        if (operation.getRequestBody() != null) {
            if (!responses.hasAPIResponse("413")) {
                responses.addAPIResponse(
                        "413",
                        OASFactory.createAPIResponse()
                                .description("The body is larger than the service accepts (1 MiB)"));
            }
            if (!responses.hasAPIResponse("415")) {
                responses.addAPIResponse(
                        "415",
                        OASFactory.createAPIResponse()
                                .description("No body, or a body in another media type than the ones listed"));
            }
        }
        for (Map.Entry<String, APIResponse> entry : responses.getAPIResponses().entrySet()) {
            int status = Integer.parseInt(entry.getKey());
            if (status >= 400) {
                entry.getValue()
                        .setContent(OASFactory.createContent()
                                .addMediaType(
                                        "application/problem+json",
                                        OASFactory.createMediaType()
                                                .schema(OASFactory.createSchema()
                                                        .ref(PROBLEM_REF))));
            }
        }
    }

    /** Every POST takes an Idempotency-Key; reusing one for another request is a 422. */
    private static void documentIdempotency(Operation operation) {
        operation.addParameter(OASFactory.createParameter()
                .name("Idempotency-Key")
                .in(org.eclipse.microprofile.openapi.models.parameters.Parameter.In.HEADER)
                .description("Retry-safe writes: the same key with the same request replays the first response "
                        + "(header Idempotent-Replayed: true); keys are kept 24 hours")
                .schema(OASFactory.createSchema()
                        .type(List.of(Schema.SchemaType.STRING))
                        .maxLength(255)));
        if (!operation.getResponses().hasAPIResponse("422")) {
            operation
                    .getResponses()
                    .addAPIResponse(
                            "422",
                            OASFactory.createAPIResponse()
                                    .description(
                                            "Refused by a rule; IDEMPOTENCY_KEY_REUSED when the key belongs to another request"));
        }
    }

    private static Schema problemSchema() {
        return OASFactory.createSchema()
                .type(List.of(Schema.SchemaType.OBJECT))
                .description("RFC 9457 problem details")
                .required(List.of("type", "title", "status"))
                .addProperty("type", string("A URI identifying the kind of problem"))
                .addProperty("title", string("Short summary of the kind of problem"))
                .addProperty("status", OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER)))
                .addProperty("detail", string("What went wrong in this case"))
                .addProperty("instance", string("The request path, when given"))
                .addProperty(
                        "errors",
                        OASFactory.createSchema()
                                .type(List.of(Schema.SchemaType.ARRAY))
                                .items(OASFactory.createSchema().ref("#/components/schemas/FieldError"))
                                .description("The rejected fields (validation problems)"))
                .addProperty(
                        "allowedEvents",
                        OASFactory.createSchema()
                                .type(List.of(Schema.SchemaType.ARRAY))
                                .items(string(null))
                                .description("Events allowed in the current stage (409)"))
                .addProperty("code", string("The domain rule that refused the request (422)"))
                .addProperty("reference", string("Identifier of an unexpected failure in the server log (500)"));
    }

    private static Schema fieldErrorSchema() {
        return OASFactory.createSchema()
                .type(List.of(Schema.SchemaType.OBJECT))
                .required(List.of("field", "message"))
                .addProperty("field", string("JSON name of the field, dotted for nested fields"))
                .addProperty("message", string("Why the value was refused"));
    }

    private static Schema string(String description) {
        Schema schema = OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING));
        return description == null ? schema : schema.description(description);
    }
}
