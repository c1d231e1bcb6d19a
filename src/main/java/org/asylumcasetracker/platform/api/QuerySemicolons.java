package org.asylumcasetracker.platform.api;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Only {@code &} separates query parameters. The HTTP layer also splits on {@code ;}, which would cut
 * {@code ?q=Smith;Jones} to "Smith" and let an over-long filter slip past its size check; a raw {@code ;}
 * in the query is therefore re-read as an encoded one before any resource sees the request.
 */
@ApplicationScoped
public class QuerySemicolons {

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 50).handler(context -> {
            String query = context.request().query();
            if (query != null && query.indexOf(';') >= 0) {
                context.reroute(context.request().path() + "?" + query.replace(";", "%3B"));
                return;
            }
            context.next();
        });
    }
}
