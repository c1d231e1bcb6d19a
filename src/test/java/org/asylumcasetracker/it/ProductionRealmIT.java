package org.asylumcasetracker.it;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.asylumcasetracker.platform.db.EmbeddedPostgresServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The production realm template ({@code docker/keycloak/legal-aid-realm.production.json}) imported into the
 * real Keycloak of the build, with its secret and URLs supplied by environment variables as a deployment
 * supplies them, and checked through Keycloak's own endpoints: no users, no secret of its own,
 * {@code sslRequired: external}, brute-force protection, a frontend client that only runs the
 * authorization-code flow with PKCE, and an integration client whose token this service accepts.
 */
class ProductionRealmIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path TEMPLATE = Path.of("docker", "keycloak", "legal-aid-realm.production.json");

    private static KeycloakServer keycloak;
    private static String realmUrl;
    private static String adminApi;
    private static PackagedApp app;

    @BeforeAll
    static void importTheTemplate() {
        ItEnvironment env = ItEnvironment.shared();
        keycloak = env.keycloak();
        realmUrl = keycloak.realmUrl(KeycloakServer.PRODUCTION_REALM);
        adminApi = realmUrl.replace("/realms/", "/admin/realms/");
        // The service as a clinic runs it with the production realm, on the database of the other ITs (where
        // organization "demo" exists).
        app = PackagedApp.start(
                "production-realm",
                Map.of(
                        "QUARKUS_DATASOURCE_JDBC_URL",
                        env.jdbcUrl(),
                        "QUARKUS_DATASOURCE_USERNAME",
                        EmbeddedPostgresServer.APPLICATION_ROLE,
                        "QUARKUS_DATASOURCE_PASSWORD",
                        EmbeddedPostgresServer.APPLICATION_ROLE,
                        "QUARKUS_OIDC_AUTH_SERVER_URL",
                        realmUrl));
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void theTemplateCarriesNoUsersAndNoSecrets() throws IOException {
        JsonNode template = JSON.readTree(TEMPLATE.toFile());
        assertFalse(template.has("users"), "the template defines users");
        for (JsonNode client : template.get("clients")) {
            if (client.has("secret")) {
                assertTrue(
                        client.get("secret").asText().matches("\\$\\{[A-Z_]+}"),
                        client.get("clientId") + " has a literal secret");
            }
        }
        String text = Files.readString(TEMPLATE);
        assertFalse(text.contains("clinic-integration-secret"), "the demo secret is in the template");

        JsonNode users = admin("/users?briefRepresentation=true&max=100");
        for (JsonNode user : users) {
            assertTrue(
                    user.get("username").asText().startsWith("service-account-"),
                    "the imported realm has a user: " + user.get("username"));
        }
    }

    @Test
    void theRealmRequiresTlsAndLocksOutPasswordGuessing() {
        JsonNode realm = admin("");
        assertEquals("external", realm.get("sslRequired").asText());
        assertTrue(realm.get("bruteForceProtected").asBoolean());
        assertTrue(realm.get("failureFactor").asInt() > 0
                && realm.get("failureFactor").asInt() <= 10);
        assertFalse(realm.get("registrationAllowed").asBoolean());
    }

    @Test
    void theIntegrationSecretCameFromTheEnvironment() {
        String id =
                admin("/clients?clientId=clinic-integration").get(0).get("id").asText();
        assertEquals(
                keycloak.productionIntegrationSecret(),
                admin("/clients/" + id + "/client-secret").get("value").asText());
    }

    @Test
    void theFrontendRunsOnlyTheAuthorizationCodeFlowWithPkce() throws Exception {
        JsonNode frontend =
                admin("/clients?clientId=" + KeycloakServer.FRONTEND_CLIENT).get(0);
        assertTrue(frontend.get("publicClient").asBoolean());
        assertTrue(frontend.get("standardFlowEnabled").asBoolean());
        assertFalse(frontend.get("directAccessGrantsEnabled").asBoolean());
        assertFalse(frontend.get("implicitFlowEnabled").asBoolean());
        assertFalse(frontend.get("serviceAccountsEnabled").asBoolean());
        assertEquals(
                "S256", frontend.at("/attributes/pkce.code.challenge.method").asText());
        assertEquals(
                KeycloakServer.PRODUCTION_FRONTEND_URL + "/*",
                frontend.at("/redirectUris/0").asText());

        // the password grant is refused by Keycloak itself
        HttpResponse<String> password = keycloak.call(form(
                realmUrl + "/protocol/openid-connect/token",
                Map.of(
                        "grant_type",
                        "password",
                        "client_id",
                        KeycloakServer.FRONTEND_CLIENT,
                        "username",
                        "alice",
                        "password",
                        "alice")));
        assertEquals(400, password.statusCode(), password.body());
        assertEquals(
                "unauthorized_client",
                JSON.readTree(password.body()).get("error").asText());

        // an authorization request without a PKCE challenge is sent back with an error; with one, the login page
        String redirect = KeycloakServer.PRODUCTION_FRONTEND_URL + "/callback";
        String authorize = realmUrl + "/protocol/openid-connect/auth?client_id=" + KeycloakServer.FRONTEND_CLIENT
                + "&response_type=code&scope=openid&redirect_uri="
                + URLEncoder.encode(redirect, StandardCharsets.UTF_8);
        HttpResponse<String> withoutPkce = keycloak.call(
                HttpRequest.newBuilder(URI.create(authorize)).GET().build());
        assertEquals(302, withoutPkce.statusCode());
        String location = withoutPkce.headers().firstValue("Location").orElseThrow();
        assertTrue(
                location.startsWith(redirect)
                        && location.contains("error=invalid_request")
                        && location.contains("code_challenge"),
                location);
        HttpResponse<String> withPkce = keycloak.call(HttpRequest.newBuilder(URI.create(authorize
                        + "&code_challenge_method=S256&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"))
                .GET()
                .build());
        assertEquals(200, withPkce.statusCode());
        HttpResponse<String> implicit = keycloak.call(
                HttpRequest.newBuilder(URI.create(authorize.replace("response_type=code", "response_type=token")))
                        .GET()
                        .build());
        assertTrue(implicit.headers().firstValue("Location").orElse("").contains("error="), "the implicit flow is on");
    }

    @Test
    void theIntegrationClientsTokenNamesThisServiceAndIsAccepted() throws Exception {
        String token = keycloak.token(
                realmUrl,
                Map.of(
                        "grant_type",
                        "client_credentials",
                        "client_id",
                        "clinic-integration",
                        "client_secret",
                        keycloak.productionIntegrationSecret()));
        JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        assertTrue(claims.get("aud").toString().contains("\"asylum-case-tracker\""), claims.toString());
        assertEquals("clinic-integration", claims.get("azp").asText());
        assertEquals(KeycloakServer.PRODUCTION_ORGANIZATION, claims.get("org").asText());
        assertTrue(claims.at("/realm_access/roles").toString().contains("\"integration\""), claims.toString());

        given().baseUri(app.baseUrl())
                .auth()
                .oauth2(token)
                .get("/api/v1/clients")
                .then()
                .statusCode(200);
        // the same secret does not open the demo realm, and the demo realm's tokens are not this realm's
        given().baseUri(app.baseUrl())
                .auth()
                .oauth2(keycloak.clientCredentials("clinic-integration", "clinic-integration-secret"))
                .get("/api/v1/clients")
                .then()
                .statusCode(401);
    }

    private static JsonNode admin(String path) {
        HttpResponse<String> response = keycloak.call(HttpRequest.newBuilder(URI.create(adminApi + path))
                .header("Authorization", "Bearer " + keycloak.adminToken())
                .GET()
                .build());
        assertEquals(200, response.statusCode(), path + ": " + response.body());
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpRequest form(String url, Map<String, String> fields) {
        StringBuilder body = new StringBuilder();
        fields.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&")
                .append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                .append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
    }
}
