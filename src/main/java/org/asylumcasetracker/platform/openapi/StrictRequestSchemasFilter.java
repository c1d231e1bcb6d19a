package org.asylumcasetracker.platform.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * Says in the contract what the service enforces: a request body may carry only the members its schema
 * lists ({@code additionalProperties: false} on every object schema a request body uses, nested ones
 * included), so that generated clients and contract tests do not send what the service refuses.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.RUNTIME_STARTUP)
public class StrictRequestSchemasFilter implements OASFilter {

    private static final String COMPONENT_PREFIX = "#/components/schemas/";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null
                || openAPI.getPaths().getPathItems() == null
                || openAPI.getComponents() == null) {
            return;
        }
        Map<String, Schema> components = openAPI.getComponents().getSchemas();
        Set<Schema> visited = Collections.newSetFromMap(new IdentityHashMap<>());
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            if (item.getOperations() == null) {
                continue;
            }
            for (Operation operation : item.getOperations().values()) {
                if (operation.getRequestBody() == null
                        || operation.getRequestBody().getContent() == null) {
                    continue;
                }
                for (MediaType media :
                        operation.getRequestBody().getContent().getMediaTypes().values()) {
                    close(media.getSchema(), components, visited);
                }
            }
        }
    }

    private static void close(Schema schema, Map<String, Schema> components, Set<Schema> visited) {
        if (schema == null || !visited.add(schema)) {
            return;
        }
        if (schema.getRef() != null && schema.getRef().startsWith(COMPONENT_PREFIX) && components != null) {
            close(components.get(schema.getRef().substring(COMPONENT_PREFIX.length())), components, visited);
            return;
        }
        List<Schema.SchemaType> types = schema.getType();
        if (types != null
                && types.contains(Schema.SchemaType.OBJECT)
                && schema.getProperties() != null
                && schema.getAdditionalPropertiesSchema() == null) {
            schema.setAdditionalPropertiesBoolean(Boolean.FALSE);
        }
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(property -> close(property, components, visited));
        }
        close(schema.getItems(), components, visited);
        // Alternatives are closed one by one; allOf parts are not, since each part sees only its own members.
        for (List<Schema> alternatives : List.of(nullToEmpty(schema.getOneOf()), nullToEmpty(schema.getAnyOf()))) {
            alternatives.forEach(member -> close(member, components, visited));
        }
    }

    private static List<Schema> nullToEmpty(List<Schema> schemas) {
        return schemas == null ? List.of() : schemas;
    }
}
