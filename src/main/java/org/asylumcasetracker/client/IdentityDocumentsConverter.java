package org.asylumcasetracker.client;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** Stores the set of identity documents as one comma-separated column, in a stable order. */
@Converter
public class IdentityDocumentsConverter implements AttributeConverter<Set<IdentityDocument>, String> {

    @Override
    public String convertToDatabaseColumn(Set<IdentityDocument> documents) {
        if (documents == null || documents.isEmpty()) {
            return "";
        }
        return EnumSet.copyOf(documents).stream().map(Enum::name).collect(Collectors.joining(","));
    }

    @Override
    public Set<IdentityDocument> convertToEntityAttribute(String column) {
        EnumSet<IdentityDocument> documents = EnumSet.noneOf(IdentityDocument.class);
        if (column != null && !column.isBlank()) {
            Arrays.stream(column.split(",")).map(IdentityDocument::valueOf).forEach(documents::add);
        }
        return documents;
    }
}
