package org.asylumcasetracker.filing;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** Keeps a short list of ids (family members on an application) in one text column. */
@Converter
public class UuidListConverter implements AttributeConverter<List<UUID>, String> {

    @Override
    public String convertToDatabaseColumn(List<UUID> ids) {
        return ids == null ? "" : String.join(",", ids.stream().map(UUID::toString).toList());
    }

    @Override
    public List<UUID> convertToEntityAttribute(String column) {
        if (column == null || column.isBlank()) {
            return List.of();
        }
        return Arrays.stream(column.split(",")).map(UUID::fromString).toList();
    }
}
