package org.asylumcasetracker.it;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.asylumcasetracker.platform.db.EmbeddedPostgresServer;

/**
 * One packaged service for the security integration tests, as production runs it: PostgreSQL, the real
 * Keycloak with the committed realm, the standard QUARKUS_* variables, and the service's own log
 * categories at DEBUG so that the log check sees everything the service could write.
 */
public final class ItEnvironment {

    public static final String LOG_NAME = "security";

    private static ItEnvironment shared;

    private final KeycloakServer keycloak;
    private final PackagedApp app;
    private final String jdbcUrl;
    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    private ItEnvironment(KeycloakServer keycloak, PackagedApp app, String jdbcUrl) {
        this.keycloak = keycloak;
        this.app = app;
        this.jdbcUrl = jdbcUrl;
    }

    public static synchronized ItEnvironment shared() {
        if (shared == null) {
            EmbeddedPostgres postgres = EmbeddedPostgresServer.startThrowAway();
            // The single-role setup of the README: the service's role owns its tables and is no superuser, so
            // row-level security holds for the packaged service as it does in production.
            String jdbcUrl = EmbeddedPostgresServer.createApplicationDatabase(postgres);
            KeycloakServer keycloak = KeycloakServer.shared();
            PackagedApp app = PackagedApp.start(
                    LOG_NAME,
                    Map.of(
                            "QUARKUS_DATASOURCE_JDBC_URL",
                            jdbcUrl,
                            "QUARKUS_DATASOURCE_USERNAME",
                            EmbeddedPostgresServer.APPLICATION_ROLE,
                            "QUARKUS_DATASOURCE_PASSWORD",
                            EmbeddedPostgresServer.APPLICATION_ROLE,
                            "QUARKUS_OIDC_AUTH_SERVER_URL",
                            keycloak.realmUrl(),
                            "QUARKUS_LOG_CATEGORY__ORG_ASYLUMCASETRACKER__LEVEL",
                            "DEBUG",
                            "QUARKUS_LOG_CATEGORY__ORG_ASYLUMCASETRACKER__MIN_LEVEL",
                            "DEBUG"));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                app.close();
                try {
                    postgres.close();
                } catch (java.io.IOException e) {
                    // the JVM is going away
                }
            }));
            shared = new ItEnvironment(keycloak, app, jdbcUrl);
            shared.createTenants();
        }
        return shared;
    }

    public String baseUrl() {
        return app.baseUrl();
    }

    /**
     * The app's database, without credentials: the superuser {@code postgres} (password the same) reaches every row, for a
     * second instance on it and for data only the service itself would write.
     */
    public String jdbcUrl() {
        return jdbcUrl;
    }

    public KeycloakServer keycloak() {
        return keycloak;
    }

    public String log() {
        return app.log();
    }

    /** A real access token from Keycloak for a demo user (password = username) or the integration client. */
    public String token(String user) {
        return tokens.computeIfAbsent(
                user,
                u -> "clinic-integration".equals(u)
                        ? keycloak.clientCredentials("clinic-integration", "clinic-integration-secret")
                        : keycloak.passwordGrant(u, u));
    }

    public RequestSpecification as(String user) {
        RequestSpecification request =
                given().baseUri(baseUrl()).contentType(ContentType.JSON).accept(ContentType.JSON);
        return user == null ? request : request.auth().oauth2(token(user));
    }

    private void createTenants() {
        for (String[] org : new String[][] {
            {"demo", "Demo Immigration Legal Services", "America/New_York"},
            {"other-clinic", "Other Clinic", "America/Los_Angeles"}
        }) {
            int status = as("admin")
                    .body(Map.of("id", org[0], "name", org[1], "timeZone", org[2]))
                    .post("/api/v1/organizations")
                    .statusCode();
            if (status != 201 && status != 409) {
                throw new IllegalStateException("could not create " + org[0] + ": " + status);
            }
        }
    }
}
