package org.asylumcasetracker.filing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.List;

/** Keeps the progress of a filing's family members as one JSON array in its row, read and written with the filing. */
@Converter
public class MembersConverter implements AttributeConverter<List<PersonProgress>, String> {

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);

    private static final TypeReference<List<PersonProgress>> MEMBERS = new TypeReference<>() {};

    @Override
    public String convertToDatabaseColumn(List<PersonProgress> hearings) {
        try {
            return JSON.writeValueAsString(hearings == null ? List.of() : hearings);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Members could not be written", e);
        }
    }

    @Override
    public List<PersonProgress> convertToEntityAttribute(String column) {
        try {
            return column == null ? List.of() : List.copyOf(JSON.readValue(column, MEMBERS));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Members could not be read", e);
        }
    }
}
