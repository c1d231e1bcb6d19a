package org.asylumcasetracker.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * A bench-only RSA key and access tokens signed with it, shaped like the realm's Keycloak tokens: RS256, a
 * {@code realm_access.roles} claim, the {@code org} claim, {@code preferred_username}, this service in
 * {@code aud} and the realm's client in {@code azp}. The service is started
 * with the public key ({@code QUARKUS_OIDC_PUBLIC_KEY}) and the issuer, so it verifies them locally, the way a
 * Keycloak-issued token is verified once Keycloak's key is cached.
 *
 * <p>Usage: {@code BenchTokens <out-dir> <issuer> <org> <name:role[:org]>...}. Writes {@code public-key.b64}
 * (X.509, base64) and one {@code <name>.jwt} per user, of {@code <org>} unless the user names another. The private key is never written to disk.
 */
public final class BenchTokens {

    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    private BenchTokens() {}

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        String issuer = args[1];
        String organization = args[2];
        Files.createDirectories(out);

        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keys = generator.generateKeyPair();
        Files.writeString(
                out.resolve("public-key.b64"),
                Base64.getEncoder().encodeToString(keys.getPublic().getEncoded()),
                StandardCharsets.US_ASCII);

        long now = Instant.now().getEpochSecond();
        for (int i = 3; i < args.length; i++) {
            String[] user = args[i].split(":", 3);
            String username = user[0];
            String role = user[1];
            String userOrganization = user.length > 2 ? user[2] : organization;
            String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"bench\"}";
            String claims = "{\"iss\":\"" + issuer + "\""
                    + ",\"sub\":\"" + UUID.nameUUIDFromBytes(username.getBytes(StandardCharsets.UTF_8)) + "\""
                    + ",\"typ\":\"Bearer\""
                    + ",\"aud\":\"asylum-case-tracker\""
                    + ",\"azp\":\"" + ("integration".equals(role) ? "clinic-integration" : "cases-frontend") + "\""
                    + ",\"preferred_username\":\"" + username + "\""
                    + ",\"realm_access\":{\"roles\":[\"" + role + "\"]}"
                    + ",\"org\":\"" + userOrganization + "\""
                    + ",\"iat\":" + now + ",\"exp\":" + (now + 12 * 3600) + "}";
            String signingInput = URL.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                    + URL.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initSign(keys.getPrivate());
            rs256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            String token = signingInput + "." + URL.encodeToString(rs256.sign());
            Files.writeString(out.resolve(username + ".jwt"), token, StandardCharsets.US_ASCII);
        }
    }
}
