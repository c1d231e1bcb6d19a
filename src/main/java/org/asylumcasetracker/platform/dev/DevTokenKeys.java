package org.asylumcasetracker.platform.dev;

import java.io.IOException;
import java.io.UncheckedIOException;
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
import java.util.Base64;

/**
 * The signing key of the dev-mode token issuer, generated once into the dev data folder. Only dev mode
 * reads it; the production configuration trusts Keycloak alone.
 */
public final class DevTokenKeys {

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
            PublicKey publicKey = factory.generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
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

    public String publicKeyBase64() {
        return Base64.getEncoder().encodeToString(publicKey.getEncoded());
    }
}
