package org.asylumcasetracker.platform;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.module.blackbird.BlackbirdModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;
import jakarta.validation.Validator;

/**
 * Strict JSON input: a number where a string belongs, a string where a number belongs, or an enum given
 * by its ordinal is a 400 naming the field, not a silent conversion. On output, a field without a value is
 * left out rather than sent as {@code null}, as the published schemas describe. A member the target type
 * does not know is refused too, together with everything else wrong in the body ({@link UnknownProperties}).
 * Jackson's Blackbird module reads and writes properties through generated accessors instead of reflection,
 * which takes a part of the CPU every JSON response costs.
 */
@Singleton
public class JsonConfiguration implements ObjectMapperCustomizer {

    private final Instance<Validator> validator;

    public JsonConfiguration(Instance<Validator> validator) {
        this.validator = validator;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.setSerializationInclusion(JsonInclude.Include.NON_NULL);
        mapper.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
        mapper.configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, true);
        mapper.configure(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS, true);
        mapper.configure(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, true);
        mapper.configure(DeserializationFeature.ACCEPT_FLOAT_AS_INT, false);
        mapper.configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
        for (CoercionInputShape shape : new CoercionInputShape[] {
            CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.Boolean
        }) {
            mapper.coercionConfigFor(LogicalType.Textual).setCoercion(shape, CoercionAction.Fail);
        }
        UnknownProperties.register(mapper, validator::get);
        mapper.registerModule(new BlackbirdModule());
    }
}
