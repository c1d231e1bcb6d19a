package org.asylumcasetracker.casestatus.remote;

import io.quarkus.oidc.client.OidcClient;
import io.quarkus.oidc.client.OidcClientConfigBuilder;
import io.quarkus.oidc.client.OidcClients;
import io.quarkus.oidc.client.Tokens;
import io.quarkus.oidc.client.runtime.OidcClientConfig;
import io.quarkus.oidc.common.runtime.config.OidcClientCommonConfig.Credentials.Secret.Method;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.asylumcasetracker.casestatus.UscisConfig;

/**
 * Access tokens for the USCIS API from the Quarkus OIDC client, client-credentials grant against
 * {@code /oauth/accesstoken} with the client key and secret in the form body
 * (https://developer.uscis.gov/get-started/sandbox). The OIDC client is made on first use, so a service
 * without USCIS credentials never builds it and never asks for a token. A token is reused until the OIDC
 * client reports it expired (USCIS tokens last 30 minutes, {@code expires_in}), and dropped at once when the
 * API refuses it, so that the next call asks for a new one.
 */
@ApplicationScoped
public class UscisTokens {

    static final String CLIENT_NAME = "uscis";
    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final OidcClients clients;
    private final UscisConfig config;
    private OidcClient client;
    private Tokens tokens;

    @Inject
    public UscisTokens(OidcClients clients, UscisConfig config) {
        this.clients = clients;
        this.config = config;
    }

    /** A valid access token, requesting a new one when there is none or it has expired. */
    public synchronized String accessToken() {
        if (tokens == null || tokens.isAccessTokenExpired()) {
            tokens = client().getTokens().await().atMost(TIMEOUT);
        }
        return tokens.getAccessToken();
    }

    /** The API said the token is not (or no longer) valid: the next call asks for a new one. */
    public synchronized void invalidate() {
        tokens = null;
    }

    private OidcClient client() {
        if (client == null) {
            if (!config.enabled()) {
                throw new IllegalStateException("USCIS case status checks are off: no credentials are configured");
            }
            OidcClientConfig clientConfig = new OidcClientConfigBuilder()
                    .id(CLIENT_NAME)
                    .authServerUrl(config.baseUrl())
                    .discoveryEnabled(false)
                    .tokenPath(config.effectiveTokenUrl())
                    .clientId(config.clientId().orElseThrow())
                    .credentials()
                    .clientSecret(config.clientSecret().orElseThrow(), Method.POST)
                    .end()
                    .grant(OidcClientConfig.Grant.Type.CLIENT)
                    .earlyTokensAcquisition(false)
                    .connectionTimeout(Duration.ofSeconds(10))
                    .build();
            client = clients.newClient(clientConfig).await().atMost(TIMEOUT);
        }
        return client;
    }
}
