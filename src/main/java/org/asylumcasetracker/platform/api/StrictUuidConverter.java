package org.asylumcasetracker.platform.api;

import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Path and query identifiers in the canonical 36-character form only. {@link UUID#fromString} also takes
 * shortened groups ("1-2-3-4-5"), so a mistyped id would silently name another record.
 */
@Provider
public class StrictUuidConverter implements ParamConverterProvider, ParamConverter<UUID> {

    private static final Pattern CANONICAL =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        return rawType == UUID.class ? (ParamConverter<T>) this : null;
    }

    @Override
    public UUID fromString(String value) {
        if (value == null || !CANONICAL.matcher(value).matches()) {
            throw new IllegalArgumentException("not a UUID");
        }
        return UUID.fromString(value);
    }

    @Override
    public String toString(UUID value) {
        return value.toString();
    }
}
