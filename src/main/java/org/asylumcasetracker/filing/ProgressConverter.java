package org.asylumcasetracker.filing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Keeps a {@link Progress} snapshot as JSON text in the event row. */
@Converter
public class ProgressConverter implements AttributeConverter<Progress, String> {

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Override
    public String convertToDatabaseColumn(Progress progress) {
        try {
            return progress == null ? null : JSON.writeValueAsString(progress);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Progress snapshot could not be written", e);
        }
    }

    @Override
    public Progress convertToEntityAttribute(String column) {
        try {
            return column == null ? null : JSON.readValue(column, Progress.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Progress snapshot could not be read", e);
        }
    }
}
