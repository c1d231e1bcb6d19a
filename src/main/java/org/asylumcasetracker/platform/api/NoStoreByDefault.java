package org.asylumcasetracker.platform.api;

import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * API answers hold personal data, so no cache may keep them: every answer says {@code Cache-Control: no-store}
 * unless its resource chose a policy of its own (the calendar feed, which holds initials only, lets calendar apps
 * revalidate with its ETag). {@code X-Content-Type-Options: nosniff} is set for every API path in the
 * configuration.
 */
public class NoStoreByDefault {

    @ServerResponseFilter
    public void noStore(ContainerResponseContext response) {
        if (!response.getHeaders().containsKey(HttpHeaders.CACHE_CONTROL)) {
            response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, "no-store");
        }
    }
}
