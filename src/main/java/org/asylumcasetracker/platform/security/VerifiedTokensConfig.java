package org.asylumcasetracker.platform.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How long and how many verified access tokens an instance remembers ({@link VerifiedTokens}). */
@ConfigMapping(prefix = "asylum.security.verified-tokens")
public interface VerifiedTokensConfig {

    /**
     * The longest time a verified token is taken on trust without checking its signature again; never past
     * the token's own {@code exp}. This is also how long a token signed by a key that the identity provider
     * has since withdrawn can still work on an instance that had already verified it.
     */
    @WithDefault("60S")
    Duration maxAge();

    /** How many tokens are remembered at most; {@code 0} verifies every request's token. */
    @WithDefault("2000")
    int maxSize();
}
