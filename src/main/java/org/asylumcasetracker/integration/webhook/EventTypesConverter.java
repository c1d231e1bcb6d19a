package org.asylumcasetracker.integration.webhook;

import jakarta.persistence.Converter;
import org.asylumcasetracker.platform.persistence.CommaSeparatedConverter;

/** Stores a subscription's event types as one comma-separated column, in a stable order. */
@Converter
public class EventTypesConverter extends CommaSeparatedConverter.OfEnums<WebhookEventType> {

    public EventTypesConverter() {
        super(WebhookEventType.class);
    }
}
