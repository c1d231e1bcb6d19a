package org.asylumcasetracker.casestatus;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * The USCIS Case Status API connection and how often the service checks receipt numbers. The feature is
 * off unless both credentials are set (deployment secrets {@code ASYLUM_USCIS_CLIENT_ID} and
 * {@code ASYLUM_USCIS_CLIENT_SECRET}); then nothing is requested from USCIS, not even a token.
 *
 * <p>Quota defaults are the lower, fail-safe figures: USCIS publishes 10 calls per second and 10,000 a day
 * for production access (https://developer.uscis.gov/article/case-status-api-production); the sandbox's
 * figures are not stated on the portal's pages (third-party descriptions say 5 per second and 1,000 a day),
 * so the defaults assume the sandbox. Raise them for production credentials.
 */
@ConfigMapping(prefix = "asylum.uscis")
public interface UscisConfig {

    /** The developer app's client key; with the secret, switches the feature on. */
    Optional<String> clientId();

    Optional<String> clientSecret();

    /** The API host: the sandbox unless production access was granted (its URL comes with the grant). */
    @WithDefault("https://api-int.uscis.gov")
    String baseUrl();

    /** The OAuth 2.0 token endpoint; default: {@code <base-url>/oauth/accesstoken}. */
    Optional<String> tokenUrl();

    /** How long after a check the same receipt number is checked again. */
    @WithDefault("7d")
    Duration checkEvery();

    /** Calls per second the API admits for these credentials. */
    @WithDefault("5")
    int quotaPerSecond();

    /** Calls per day (the day ends at midnight GMT) the API admits for these credentials. */
    @WithDefault("1000")
    int quotaPerDay();

    /** How often each instance looks for receipt numbers due for a check; {@code off} stops the checks. */
    @WithDefault("10s")
    String tickEvery();

    /** How often the list of receipt numbers to check is brought in line with the open filings. */
    @WithDefault("10m")
    String syncEvery();

    /** How long a claimed check stays hidden from other instances while it is under way. */
    @WithDefault("5m")
    Duration lease();

    /** The wait after a failed check (5xx, malformed answer, no connection); doubles after each failure. */
    @WithDefault("15m")
    Duration backoffBase();

    @WithDefault("1d")
    Duration backoffMax();

    /** The longest {@code Retry-After} honoured after a 429; a longer one is cut to this. */
    @WithDefault("1d")
    Duration retryAfterMax();

    default boolean enabled() {
        return clientId().filter(id -> !id.isBlank()).isPresent()
                && clientSecret().filter(secret -> !secret.isBlank()).isPresent();
    }

    default String effectiveTokenUrl() {
        String base = baseUrl().endsWith("/") ? baseUrl().substring(0, baseUrl().length() - 1) : baseUrl();
        return tokenUrl().filter(url -> !url.isBlank()).orElse(base + "/oauth/accesstoken");
    }
}
