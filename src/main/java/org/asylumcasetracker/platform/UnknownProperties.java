package org.asylumcasetracker.platform;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.BeanDeserializerBase;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import jakarta.validation.Validator;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Supplier;
import org.asylumcasetracker.platform.problem.FieldError;
import org.asylumcasetracker.platform.problem.FieldErrors;
import org.asylumcasetracker.platform.problem.InvalidInputException;

/**
 * Refuses JSON members that the target type does not have, and names all of them at once together with
 * what Bean Validation finds wrong in the rest of the body, so that a client learns everything in one
 * answer (a misspelt {@code hearingKind} must not silently become the default kind).
 *
 * <p>Jackson is told to keep reading past an unknown member and to note its path; when the outermost
 * object of the body has been read and members were unknown, the value read so far is validated and one
 * {@link InvalidInputException} names the unknown members and the violations. Without unknown members
 * nothing changes: the resource's own {@code @Valid} does the validation.
 */
final class UnknownProperties {

    private static final String READING = UnknownProperties.class.getName();
    private static final String MESSAGE = "is not a known field";

    private UnknownProperties() {}

    /** What one {@code readValue} has seen: how deep it is in objects, and the unknown members' paths. */
    private static final class Reading {
        int depth;
        final List<String> unknown = new ArrayList<>();

        static Reading of(DeserializationContext context) {
            Reading reading = (Reading) context.getAttribute(READING);
            if (reading == null) {
                reading = new Reading();
                context.setAttribute(READING, reading);
            }
            return reading;
        }
    }

    static void register(com.fasterxml.jackson.databind.ObjectMapper mapper, Supplier<Validator> validator) {
        mapper.addHandler(new Collector());
        SimpleModule module = new SimpleModule("unknown-properties");
        module.setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyDeserializer(
                    DeserializationConfig config, BeanDescription description, JsonDeserializer<?> deserializer) {
                return deserializer instanceof BeanDeserializerBase
                        ? new RejectAtTop(deserializer, validator)
                        : deserializer;
            }
        });
        mapper.registerModule(module);
    }

    /** Notes an unknown member and skips its value. */
    private static final class Collector extends DeserializationProblemHandler {
        @Override
        public boolean handleUnknownProperty(
                DeserializationContext context,
                JsonParser parser,
                JsonDeserializer<?> deserializer,
                Object beanOrClass,
                String propertyName)
                throws IOException {
            Reading.of(context).unknown.add(path(parser.getParsingContext(), propertyName));
            parser.skipChildren();
            return true;
        }

        private static String path(JsonStreamContext context, String propertyName) {
            Deque<String> parts = new ArrayDeque<>();
            for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
                if (c.inObject() && c.getCurrentName() != null) {
                    parts.push("." + c.getCurrentName());
                } else if (c.inArray()) {
                    parts.push("[" + c.getCurrentIndex() + "]");
                }
            }
            String path = String.join("", parts);
            path = path.startsWith(".") ? path.substring(1) : path;
            return path.isEmpty() ? propertyName : path;
        }
    }

    /** Around every bean deserializer: the outermost one reports the unknown members. */
    private static final class RejectAtTop extends DelegatingDeserializer {
        private final Supplier<Validator> validator;

        RejectAtTop(JsonDeserializer<?> delegate, Supplier<Validator> validator) {
            super(delegate);
            this.validator = validator;
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new RejectAtTop(delegate, validator);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            Reading reading = Reading.of(context);
            reading.depth++;
            Object value;
            try {
                value = super.deserialize(parser, context);
            } finally {
                reading.depth--;
            }
            if (reading.depth == 0 && !reading.unknown.isEmpty()) {
                List<FieldError> unknown = reading.unknown.stream()
                        .map(path -> new FieldError(path, MESSAGE))
                        .toList();
                reading.unknown.clear();
                throw new InvalidInputException(FieldErrors.merge(
                        unknown, FieldErrors.of(validator.get().validate(value))));
            }
            return value;
        }
    }
}
