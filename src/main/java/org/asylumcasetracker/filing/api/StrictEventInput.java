package org.asylumcasetracker.filing.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.jsontype.TypeIdResolver;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.asylumcasetracker.filing.EventType;
import org.asylumcasetracker.platform.problem.InvalidInputException;

/**
 * An event request takes exactly the fields of its type: a field of another event type is a 400 naming it,
 * and so is a missing or unknown {@code type}, rather than a field silently dropped.
 */
@Singleton
public class StrictEventInput implements ObjectMapperCustomizer {

    private static final String EVENT_TYPES =
            Arrays.stream(EventType.values()).map(Enum::name).collect(Collectors.joining(", "));

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.addHandler(new Handler());
    }

    private static final class Handler extends DeserializationProblemHandler {

        @Override
        public boolean handleUnknownProperty(
                DeserializationContext context,
                JsonParser parser,
                JsonDeserializer<?> deserializer,
                Object beanOrClass,
                String propertyName)
                throws IOException {
            Class<?> target = beanOrClass instanceof Class<?> type ? type : beanOrClass.getClass();
            if (EventRequest.class.isAssignableFrom(target)) {
                throw UnrecognizedPropertyException.from(
                        parser, beanOrClass, propertyName, deserializer.getKnownPropertyNames());
            }
            return false;
        }

        @Override
        public JavaType handleUnknownTypeId(
                DeserializationContext context,
                JavaType baseType,
                String subTypeId,
                TypeIdResolver idResolver,
                String failureMsg) {
            if (baseType.hasRawClass(EventRequest.class)) {
                throw InvalidInputException.of("type", "must be one of " + EVENT_TYPES);
            }
            return null;
        }

        @Override
        public JavaType handleMissingTypeId(
                DeserializationContext context, JavaType baseType, TypeIdResolver idResolver, String failureMsg) {
            if (baseType.hasRawClass(EventRequest.class)) {
                throw InvalidInputException.of("type", "is required: one of " + EVENT_TYPES);
            }
            return null;
        }
    }
}
