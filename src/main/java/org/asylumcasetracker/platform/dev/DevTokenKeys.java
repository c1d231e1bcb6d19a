package org.asylumcasetracker.platform.dev;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The signing key of the dev-mode token issuer, generated once into the dev data folder. Only dev mode
 * reads it; the production configuration trusts Keycloak alone.
 */
public final class DevTokenKeys {

    public static final String ISSUER = "asylum-case-tracker-dev";
    private static final String FILE = "dev-token-signing-key.pk8";

    private final PrivateKey privateKey;
    private final PublicKey publicKey;

    private DevTokenKeys(PrivateKey privateKey, PublicKey publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
    }

    public static synchronized DevTokenKeys load(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
            Path file = dataDir.resolve(FILE);
            if (!Files.exists(file)) {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                KeyPair pair = generator.generateKeyPair();
                Files.write(file, pair.getPrivate().getEncoded());
            }
            KeyFactory factory = KeyFactory.getInstance("RSA");
            PrivateKey privateKey = factory.generatePrivate(new PKCS8EncodedKeySpec(Files.readAllBytes(file)));
            RSAPrivateCrtKey crt = (RSAPrivateCrtKey) privateKey;
            PublicKey publicKey =
                    factory.generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
            return new DevTokenKeys(privateKey, publicKey);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read or create the dev token key", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not read or create the dev token key", e);
        }
    }

    public PrivateKey privateKey() {
        return privateKey;
    }

    /**
     * An access token of the dev issuer, shaped like the realm's tokens from Keycloak: roles in
     * {@code realm_access}, the tenant in {@code org}, this service in {@code aud}, the client in {@code azp}.
     */
    public String token(String username, String role, String organization, Duration lifetime) {
        JwtClaimsBuilder claims = Jwt.issuer(ISSUER)
                .subject(UUID.nameUUIDFromBytes(username.getBytes(StandardCharsets.UTF_8))
                        .toString())
                .preferredUserName(username)
                .audience("asylum-case-tracker")
                .claim("azp", "integration".equals(role) ? "clinic-integration" : "cases-frontend")
                .claim("realm_access", Map.of("roles", List.of(role)))
                .expiresIn(lifetime);
        if (organization != null) {
            claims.claim("org", organization);
        }
        return claims.jws().keyId("dev").sign(privateKey);
    }

    public String publicKeyBase64() {
        return Base64.getEncoder().encodeToString(publicKey.getEncoded());
    }
}
