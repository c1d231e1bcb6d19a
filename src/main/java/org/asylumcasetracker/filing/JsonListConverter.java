package org.asylumcasetracker.filing;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.persistence.AttributeConverter;
import java.util.List;

/**
 * Keeps a list of values as one JSON array in the filing's row: lists that are read and written with the filing,
 * never alone (its hearings, its family members' progress, the events its rules read in full). Absent values are
 * left out of the JSON, so that a column written by a migration's SQL reads the same as one written here.
 */
abstract class JsonListConverter<T> implements AttributeConverter<List<T>, String> {

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .setSerializationInclusion(JsonInclude.Include.NON_NULL)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);

    /** An empty list, as written here and by the migrations; most filings' rows hold it in some of these columns. */
    private static final String EMPTY = "[]";

    private final ObjectReader reader;
    private final ObjectWriter writer;
    private final String what;

    /** {@code what}: the list's name in an error message. */
    JsonListConverter(TypeReference<List<T>> type, String what) {
        this.reader = JSON.readerFor(type);
        this.writer = JSON.writerFor(type);
        this.what = what;
    }

    @Override
    public String convertToDatabaseColumn(List<T> values) {
        try {
            return values == null || values.isEmpty() ? EMPTY : writer.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(what + " could not be written", e);
        }
    }

    @Override
    public List<T> convertToEntityAttribute(String column) {
        try {
            if (column == null || EMPTY.equals(column)) {
                return List.of();
            }
            return List.copyOf(reader.<List<T>>readValue(column));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(what + " could not be read", e);
        }
    }
}
