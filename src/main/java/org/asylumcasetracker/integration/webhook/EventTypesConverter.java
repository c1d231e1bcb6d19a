package org.asylumcasetracker.integration.webhook;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** Stores a subscription's event types as one comma-separated column, in a stable order. */
@Converter
public class EventTypesConverter implements AttributeConverter<Set<WebhookEventType>, String> {

    @Override
    public String convertToDatabaseColumn(Set<WebhookEventType> types) {
        if (types == null || types.isEmpty()) {
            return "";
        }
        return EnumSet.copyOf(types).stream().map(Enum::name).collect(Collectors.joining(","));
    }

    @Override
    public Set<WebhookEventType> convertToEntityAttribute(String column) {
        EnumSet<WebhookEventType> types = EnumSet.noneOf(WebhookEventType.class);
        if (column != null && !column.isBlank()) {
            Arrays.stream(column.split(",")).map(WebhookEventType::valueOf).forEach(types::add);
        }
        return types;
    }
}
