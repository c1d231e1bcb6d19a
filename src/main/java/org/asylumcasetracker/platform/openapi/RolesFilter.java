package org.asylumcasetracker.platform.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;

/**
 * States each operation's roles the way OpenAPI tools accept. The security requirement generated from
 * {@code @RolesAllowed} lists the roles as scopes of the bearer scheme, which OpenAPI defines for OAuth2
 * and OpenID Connect schemes only; the roles are Keycloak realm roles in the token, not OAuth2 scopes. So
 * the requirement keeps the scheme alone, and the roles move to an {@code x-roles} extension and a line of
 * the operation's description that a reader of the generated documentation sees.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.RUNTIME_STARTUP, priority = Integer.MIN_VALUE)
public class RolesFilter implements OASFilter {

    static final String EXTENSION = "x-roles";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            if (item.getOperations() != null) {
                item.getOperations().values().forEach(RolesFilter::document);
            }
        }
    }

    private static void document(Operation operation) {
        if (operation.getSecurity() == null || operation.getSecurity().isEmpty()) {
            return;
        }
        List<String> roles = new ArrayList<>();
        List<SecurityRequirement> schemesOnly = new ArrayList<>();
        for (SecurityRequirement requirement : operation.getSecurity()) {
            SecurityRequirement schemeOnly = OASFactory.createSecurityRequirement();
            for (Map.Entry<String, List<String>> scheme :
                    requirement.getSchemes().entrySet()) {
                if (scheme.getValue() != null) {
                    scheme.getValue().stream()
                            .filter(role -> !roles.contains(role))
                            .forEach(roles::add);
                }
                schemeOnly.addScheme(scheme.getKey());
            }
            schemesOnly.add(schemeOnly);
        }
        operation.setSecurity(schemesOnly);
        if (roles.isEmpty()) {
            return;
        }
        operation.addExtension(EXTENSION, roles);
        String line = "Roles: " + String.join(", ", roles) + ".";
        String description = operation.getDescription();
        operation.setDescription(description == null || description.isBlank() ? line : description + "\n\n" + line);
    }
}
