package org.asylumcasetracker.platform.api;

import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import java.util.function.UnaryOperator;
import org.asylumcasetracker.platform.problem.InvalidInputException;
import org.asylumcasetracker.platform.problem.ResourceNotFoundException;

/**
 * {@code PUT …/by-ref/{externalRef}}: the clinic system writes a record under its own id. No record with that
 * id yet: it is created, unless {@code If-Match} was sent (that asks to change an existing one: 404). One
 * exists: {@code If-Match}, if sent, must name its version, and its fields are replaced. An
 * {@code externalRef} in the body must equal the one in the path.
 */
public final class ByRefUpsert {

    private ByRefUpsert() {}

    /** What an upsert did: the record, and whether it was created. */
    public record Upserted<T>(T record, boolean created) {

        /** 201 with {@code Location} when created, else 200; the version as {@code ETag}; the body. */
        public Response response(Function<T, URI> location, ToLongFunction<T> version, Function<T, ?> body) {
            Response.ResponseBuilder response = created ? Response.created(location.apply(record)) : Response.ok();
            return response.tag(ETags.tag(version.applyAsLong(record)))
                    .entity(body.apply(record))
                    .build();
        }
    }

    /**
     * @param what     the kind of record, for the 404 ("Client", "Filing")
     * @param find     the record of this organization that has {@code externalRef}
     * @param create   creates the record (the request already carries {@code externalRef})
     * @param replace  replaces the fields of the existing record; returns it
     */
    public static <T> Upserted<T> upsert(
            String what,
            String externalRef,
            String externalRefInBody,
            String ifMatch,
            Supplier<Optional<T>> find,
            ToLongFunction<T> version,
            Supplier<T> create,
            UnaryOperator<T> replace) {
        if (externalRefInBody != null && !externalRefInBody.equals(externalRef)) {
            throw InvalidInputException.of("externalRef", "must match the externalRef in the path, or be left out");
        }
        Optional<T> existing = find.get();
        if (existing.isEmpty()) {
            if (ETags.expectedVersion(ifMatch).isPresent()) {
                throw new ResourceNotFoundException(what + " with externalRef", externalRef);
            }
            return new Upserted<>(create.get(), true);
        }
        ETags.checkIfMatch(ifMatch, version.applyAsLong(existing.get()));
        return new Upserted<>(replace.apply(existing.get()), false);
    }
}
