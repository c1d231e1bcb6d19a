package org.asylumcasetracker.it;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Forged and foreign tokens against the packaged service and the real Keycloak: each must be refused
 * with 401, while the genuine token they are made from is accepted. Expiry, not-yet-valid and wrong
 * issuer need the realm's private key to forge; they are covered with the in-process provider in
 * {@code HostileTokenTest}.
 */
class HostileTokenIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final String PROBE = "/api/v1/organizations/demo/settings";

    private static ItEnvironment env;
    private static String genuine;
    private static ObjectNode header;
    private static ObjectNode payload;

    @BeforeAll
    static void genuineToken() throws Exception {
        env = ItEnvironment.shared();
        genuine = env.token("bob");
        String[] parts = genuine.split("\\.");
        header = (ObjectNode) JSON.readTree(Base64.getUrlDecoder().decode(parts[0]));
        payload = (ObjectNode) JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
        assertEquals(200, call(genuine), "the genuine token is accepted");
    }

    @Test
    void algNone() throws Exception {
        ObjectNode none = header.deepCopy().put("alg", "none");
        assertEquals(401, call(encode(none) + "." + encode(payload) + "."));
    }

    @Test
    void hs256SignedWithTheRealmsPublicKey() throws Exception {
        ObjectNode hs = header.deepCopy().put("alg", "HS256");
        String signingInput = encode(hs) + "." + encode(payload);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(realmPublicKey().getEncoded(), "HmacSHA256"));
        assertEquals(
                401,
                call(signingInput + "."
                        + B64.encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)))));
    }

    @Test
    void signedByAnotherKeyUnderTheRealmsKeyId() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        assertEquals(
                401, call(signRs256(header, payload, generator.generateKeyPair().getPrivate())));
    }

    @Test
    void aGenuineTokenWithAlteredClaims() throws Exception {
        ObjectNode raised = payload.deepCopy();
        ((ArrayNode) raised.with("realm_access").withArray("roles")).removeAll().add("admin");
        String[] parts = genuine.split("\\.");
        assertEquals(401, call(parts[0] + "." + encode(raised) + "." + parts[2]));
        ObjectNode otherOrg = payload.deepCopy().put("org", "other-clinic");
        assertEquals(401, call(parts[0] + "." + encode(otherOrg) + "." + parts[2]));
    }

    @Test
    void aTokenFromAnotherRealm() throws Exception {
        String rogueRealm = env.keycloak().realmUrl().replace("/realms/legal-aid", "/realms/rogue");
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(rogueRealm + "/protocol/openid-connect/token"))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        "grant_type=password&client_id=rogue-app&username=mallory&password=mallory"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        String rogue = JSON.readTree(response.body()).get("access_token").asText();
        assertEquals(401, call(rogue));
    }

    @Test
    void aTokenOfAnotherClientOfTheSameRealm() {
        // Keycloak's built-in admin-cli allows the password grant for any user of the realm: a real, valid
        // token of the right realm and user, issued to another client, without this service in aud
        String adminCli = env.keycloak().passwordGrant("admin-cli", "bob", "bob");
        assertEquals(401, call(adminCli));
    }

    @Test
    void garbageAndEmpty() {
        assertEquals(401, call("garbage"));
        assertEquals(401, call("a.b.c"));
        assertEquals(401, call(genuine.substring(0, genuine.length() - 10)));
        assertEquals(
                401,
                given().baseUri(env.baseUrl())
                        .header("Authorization", "Bearer")
                        .get(PROBE)
                        .statusCode());
        assertEquals(
                401,
                given().baseUri(env.baseUrl())
                        .header("Authorization", "Basic Ym9iOmJvYg==")
                        .get(PROBE)
                        .statusCode());
    }

    private static int call(String token) {
        return given().baseUri(env.baseUrl())
                .header("Authorization", "Bearer " + token)
                .get(PROBE)
                .statusCode();
    }

    private static String encode(JsonNode node) throws Exception {
        return B64.encodeToString(JSON.writeValueAsBytes(node));
    }

    private static String signRs256(ObjectNode head, ObjectNode body, PrivateKey key) throws Exception {
        String signingInput = encode(head) + "." + encode(body);
        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initSign(key);
        signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + B64.encodeToString(signature.sign());
    }

    private static PublicKey realmPublicKey() throws Exception {
        HttpResponse<String> certs = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(env.keycloak().realmUrl() + "/protocol/openid-connect/certs"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        Map<String, JsonNode> byKid = new LinkedHashMap<>();
        JSON.readTree(certs.body())
                .get("keys")
                .forEach(k -> byKid.put(k.get("kid").asText(), k));
        JsonNode jwk = byKid.get(header.get("kid").asText());
        BigInteger n =
                new BigInteger(1, Base64.getUrlDecoder().decode(jwk.get("n").asText()));
        BigInteger e =
                new BigInteger(1, Base64.getUrlDecoder().decode(jwk.get("e").asText()));
        return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(n, e));
    }
}
