package org.asylumcasetracker.platform.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Answers a request whose declared body is over {@code quarkus.http.limits.max-body-size} with 413
 * problem+json before the body is read, instead of the HTTP layer's bare 413.
 */
@ApplicationScoped
public class BodySizeLimit {

    private final long maxBytes;
    private final String problem;

    public BodySizeLimit(
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize, ObjectMapper mapper)
            throws JsonProcessingException {
        this.maxBytes = maxBodySize.asLongValue();
        this.problem = mapper.writeValueAsString(Problem.of(
                ProblemType.PAYLOAD_TOO_LARGE,
                "The request body is larger than the " + maxBytes / 1024 + " KiB this service accepts."));
    }

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 100).handler(context -> {
            String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length != null && isOver(length)) {
                context.response()
                        .setStatusCode(413)
                        .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                        .putHeader(HttpHeaders.CONNECTION, "close")
                        .end(problem);
                return;
            }
            context.next();
        });
    }

    private boolean isOver(String contentLength) {
        try {
            return Long.parseLong(contentLength.trim()) > maxBytes;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
