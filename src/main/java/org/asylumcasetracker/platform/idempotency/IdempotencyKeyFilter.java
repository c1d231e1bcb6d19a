package org.asylumcasetracker.platform.idempotency;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * The contract names an {@code Idempotency-Key} on every POST: a key that no POST could use (empty, or longer than
 * {@link IdempotencyInterceptor#MAX_KEY_LENGTH} characters) is refused with 400 on each of them, also on those
 * that do not replay (a secret rotation rotates again), so that no request with an invalid header is ever carried
 * out.
 */
public class IdempotencyKeyFilter {

    @ServerRequestFilter(priority = Priorities.USER)
    public void check(ContainerRequestContext request) {
        if ("POST".equals(request.getMethod())) {
            IdempotencyInterceptor.checkKey(request.getHeaderString(IdempotencyInterceptor.HEADER));
        }
    }
}
