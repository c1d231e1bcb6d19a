package org.asylumcasetracker.dev;

import io.quarkus.arc.profile.IfBuildProfile;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import org.asylumcasetracker.platform.dev.DevTokenKeys;
import org.asylumcasetracker.platform.problem.ResourceNotFoundException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Dev mode only: hands out signed access tokens for the demo users, so the API can be tried from
 * Swagger UI or curl without running Keycloak. The class is not part of a production build, and only
 * dev mode trusts its key.
 */
@IfBuildProfile("dev")
@jakarta.ws.rs.Path("/dev/tokens")
@PermitAll
public class DevTokenResource {

    public static final String ISSUER = DevTokenKeys.ISSUER;

    private final DevTokenKeys keys;

    public DevTokenResource(@ConfigProperty(name = "asylum.dev.data-dir") String dataDir) {
        this.keys = DevTokenKeys.load(Paths.get(dataDir).toAbsolutePath());
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public List<DemoUser> users() {
        return DemoUser.ALL;
    }

    @GET
    @jakarta.ws.rs.Path("/{username}")
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(hidden = true)
    public String token(@PathParam("username") String username) {
        DemoUser user =
                DemoUser.named(username).orElseThrow(() -> new ResourceNotFoundException("Demo user", username));
        return keys.token(username, user.role(), user.organization(), Duration.ofHours(12));
    }
}
