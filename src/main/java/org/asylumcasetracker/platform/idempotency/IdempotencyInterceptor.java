package org.asylumcasetracker.platform.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import javax.crypto.Mac;
import org.asylumcasetracker.platform.problem.DomainRuleException;
import org.asylumcasetracker.platform.problem.InvalidInputException;
import org.asylumcasetracker.platform.security.Caller;

/**
 * {@code Idempotency-Key} for POSTs, so that a client can retry safely: the same key with the same request replays
 * the first response (status, body, Location, ETag) without writing again; the same key with another request is
 * refused with 422 {@code IDEMPOTENCY_KEY_REUSED}.
 *
 * <p>The key is claimed in the same transaction as the write and completed with the response before it
 * commits. A parallel retry of the same key waits on the key's row until the first one ends, then replays
 * its response; if the first one failed, nothing was stored and the retry does the work. Failures are
 * never stored, so a retry after a 4xx or 5xx is simply tried again.
 *
 * <p>A key belongs to one caller (the token's subject) in one organization: another user or system of the
 * same clinic sending the same key gets its own record, so nobody can claim another's keys in advance. The
 * record keeps no personal data in clear ({@link IdempotencySeal}).
 */
@Idempotent
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class IdempotencyInterceptor {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    public static final String REUSED_CODE = "IDEMPOTENCY_KEY_REUSED";
    static final int MAX_KEY_LENGTH = 255;
    private static final ObjectMapper CANONICAL = new ObjectMapper()
            .findAndRegisterModules()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
            .configure(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS, false);

    @Inject
    CurrentVertxRequest request;

    @Inject
    Caller caller;

    @Inject
    IdempotencyStore store;

    @Inject
    IdempotencyConfig config;

    @Inject
    ObjectMapper mapper;

    @Inject
    Clock clock;

    @Inject
    MeterRegistry metrics;

    /** Refuses a key no request could use: empty, or longer than {@link #MAX_KEY_LENGTH}; none is fine. */
    static void checkKey(String key) {
        if (key != null && (key.isBlank() || key.length() > MAX_KEY_LENGTH)) {
            throw InvalidInputException.of(HEADER, "must be 1 to " + MAX_KEY_LENGTH + " characters");
        }
    }

    @AroundInvoke
    Object around(InvocationContext context) throws Exception {
        String key = request.getCurrent() == null
                ? null
                : request.getCurrent().request().getHeader(HEADER);
        if (key == null) {
            return context.proceed();
        }
        checkKey(key);
        String scope = caller.organizationClaim().orElse("");
        IdempotencySeal seal = new IdempotencySeal(scope, caller.subject(), key);
        String recordKey = seal.recordKey();
        String operation = context.getMethod().getDeclaringClass().getSimpleName() + "."
                + context.getMethod().getName();
        String hash = hash(seal, operation, context.getParameters());
        OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
        return QuarkusTransaction.joiningExisting().call(() -> {
            if (!store.claim(scope, recordKey, hash, operation, now, now.plus(config.ttl()))) {
                IdempotencyStore.Stored stored = store.find(scope, recordKey).orElseThrow();
                if (!stored.requestHash().equals(hash) || !stored.operation().equals(operation)) {
                    throw new DomainRuleException(
                            REUSED_CODE, "This Idempotency-Key was already used for a different request.");
                }
                metrics.counter("asylum.idempotent.replays").increment();
                return replay(stored, seal);
            }
            Object result = context.proceed();
            if (result instanceof Response response) {
                store.complete(
                        scope,
                        recordKey,
                        response.getStatus(),
                        seal.seal(body(response)),
                        response.getLocation() == null
                                ? null
                                : response.getLocation().toString(),
                        response.getEntityTag() == null
                                ? null
                                : response.getEntityTag().getValue());
            }
            return result;
        });
    }

    private String body(Response response) throws JsonProcessingException {
        return response.getEntity() == null ? null : mapper.writeValueAsString(response.getEntity());
    }

    private static Response replay(IdempotencyStore.Stored stored, IdempotencySeal seal) {
        Response.ResponseBuilder replay = Response.status(stored.status()).header(REPLAYED_HEADER, "true");
        if (stored.body() != null) {
            replay.entity(seal.open(stored.body())).type(MediaType.APPLICATION_JSON_TYPE);
        }
        if (stored.location() != null) {
            replay.location(java.net.URI.create(stored.location()));
        }
        if (stored.etag() != null) {
            replay.tag(stored.etag());
        }
        return replay.build();
    }

    /** Keyed, so that the stored value does not let anyone test guesses of a request's personal data. */
    private static String hash(IdempotencySeal seal, String operation, Object[] parameters)
            throws JsonProcessingException {
        Mac mac = seal.requestMac();
        mac.update(operation.getBytes(StandardCharsets.UTF_8));
        for (Object parameter : parameters) {
            mac.update((byte) 0);
            mac.update(CANONICAL.writeValueAsBytes(parameter));
        }
        return HexFormat.of().formatHex(mac.doFinal());
    }
}
