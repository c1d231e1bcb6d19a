package org.asylumcasetracker.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import org.asylumcasetracker.platform.db.EmbeddedPostgresServer;
import org.asylumcasetracker.platform.dev.DevTokenKeys;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packaged service against a real PostgreSQL and the real Keycloak with the committed realm: the
 * tokens Keycloak issues are accepted with their roles and organization, and nothing of dev mode's
 * token issuer survives into the production build.
 */
class ProductionJarIT {

    private static final String SERVICE_ROLE = "cases_service";

    private static EmbeddedPostgres postgres;
    private static KeycloakServer keycloak;
    private static PackagedApp app;
    private static DevTokenKeys devKeys;

    @BeforeAll
    static void start() throws IOException {
        postgres = EmbeddedPostgresServer.startThrowAway();
        keycloak = KeycloakServer.shared();
        // The folder where dev mode keeps its token key, given to the packaged service too: if production
        // trusted dev tokens, it would trust exactly this key.
        Path devData = Files.createTempDirectory("dev-data");
        devKeys = DevTokenKeys.load(devData);
        // The two-role setup of the README and the Compose file: migrations run as the owner (here the superuser
        // postgres), the service as a role made by the committed docker/postgres/service-role.sql.
        createServiceRole();
        app = PackagedApp.start(
                "production",
                Map.of(
                        "QUARKUS_DATASOURCE_JDBC_URL",
                        "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres",
                        "QUARKUS_DATASOURCE_USERNAME",
                        SERVICE_ROLE,
                        "QUARKUS_DATASOURCE_PASSWORD",
                        SERVICE_ROLE,
                        "QUARKUS_FLYWAY_USERNAME",
                        "postgres",
                        "QUARKUS_FLYWAY_PASSWORD",
                        "postgres",
                        "QUARKUS_OIDC_AUTH_SERVER_URL",
                        keycloak.realmUrl(),
                        "ASYLUM_DEV_DATA_DIR",
                        devData.toString()));
        System.out.printf(
                "Keycloak started in %d s; packaged service ready in %d ms%n",
                keycloak.startupTime().toSeconds(), app.startupTime().toMillis());
        int created = as(keycloak.passwordGrant("admin", "admin"))
                .body(Map.of("id", "demo", "name", "Demo Immigration Legal Services", "timeZone", "America/New_York"))
                .post("/api/v1/organizations")
                .statusCode();
        if (created != 201) {
            throw new IllegalStateException("admin could not create the demo organization: " + created);
        }
    }

    @AfterAll
    static void stop() throws IOException {
        if (app != null) {
            app.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    /** Runs the committed role script with the values psql would give its variables. */
    private static void createServiceRole() throws IOException {
        String script = Files.readString(Path.of("docker", "postgres", "service-role.sql"))
                .replace(":\"service_role\"", "\"" + SERVICE_ROLE + "\"")
                .replace(":'service_password'", "'" + SERVICE_ROLE + "'")
                .replace(":\"migration_role\"", "\"postgres\"")
                .replace(":\"DBNAME\"", "\"postgres\"");
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(script);
        } catch (SQLException e) {
            throw new IllegalStateException("The service role script failed", e);
        }
    }

    @Test
    void alicesPasswordGrantIsAcceptedWithHerOrganizationAndRole() {
        String alice = keycloak.passwordGrant("alice", "alice");
        as(alice).get("/api/v1/organizations/demo").then().statusCode(200).body("id", equalTo("demo"));
        // caseworker is not a settings role: the realm role reached the service
        as(alice).get("/api/v1/organizations/demo/settings").then().statusCode(403);
        as(keycloak.passwordGrant("bob", "bob"))
                .get("/api/v1/organizations/demo/settings")
                .then()
                .statusCode(200);
    }

    @Test
    void theIntegrationClientsServiceAccountIsAccepted() {
        String integration = keycloak.clientCredentials("clinic-integration", "clinic-integration-secret");
        as(integration).get("/api/v1/organizations/demo").then().statusCode(200);
        as(integration).get("/api/v1/organizations/demo/settings").then().statusCode(403);
    }

    @Test
    void carolOfAnotherClinicSeesNothingOfDemo() {
        // other-clinic does not exist in this database: an unknown organization is refused
        as(keycloak.passwordGrant("carol", "carol"))
                .get("/api/v1/organizations/demo")
                .then()
                .statusCode(403);
    }

    @Test
    void aTokenFromTheDevIssuerIsRejected() {
        // signed by the dev key the service was pointed at, exactly as dev mode's /dev/tokens signs it
        String devToken = devKeys.token("admin", "admin", null, Duration.ofMinutes(10));
        as(devToken).get("/api/v1/organizations").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void theDevTokenEndpointDoesNotExist() {
        given().baseUri(app.baseUrl()).get("/dev/tokens/admin").then().statusCode(404);
        given().baseUri(app.baseUrl()).get("/dev/tokens").then().statusCode(404);
    }

    @Test
    void noTokenIsUnauthorizedAndHealthIsUpOnTheManagementPortOnly() {
        given().baseUri(app.baseUrl()).get("/api/v1/organizations/demo").then().statusCode(401);
        given().baseUri(app.managementUrl())
                .get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"));
        given().baseUri(app.managementUrl())
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .body(containsString("http_server_requests_seconds"));
        for (String operations : new String[] {"/q/health", "/q/health/ready", "/q/health/live", "/q/metrics"}) {
            given().baseUri(app.baseUrl()).get(operations).then().statusCode(404);
        }
    }

    @Test
    void apiAnswersAreNeitherCachedNorSniffed() {
        String bob = keycloak.passwordGrant("bob", "bob");
        for (var response : new io.restassured.response.Response[] {
            as(bob).get("/api/v1/organizations/demo/settings"),
            given().baseUri(app.baseUrl()).get("/api/v1/clients"),
            as(bob).get("/api/v1/clients/" + java.util.UUID.randomUUID())
        }) {
            response.then().header("Cache-Control", "no-store").header("X-Content-Type-Options", "nosniff");
        }
    }

    @Test
    void swaggerUiIsOffInThePackagedService() {
        given().baseUri(app.baseUrl()).get("/q/swagger-ui/").then().statusCode(404);
        given().baseUri(app.baseUrl()).get("/q/openapi").then().statusCode(200);
    }

    private static RequestSpecification as(String token) {
        return given().baseUri(app.baseUrl())
                .auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .accept(ContentType.JSON);
    }
}
