package org.asylumcasetracker.filing;

import jakarta.persistence.Converter;
import java.util.List;
import java.util.UUID;
import org.asylumcasetracker.platform.persistence.CommaSeparatedConverter;

/** Keeps a short list of ids (family members on an application) in one text column, in their order. */
@Converter
public class UuidListConverter extends CommaSeparatedConverter<List<UUID>, UUID> {

    public UuidListConverter() {
        super(UUID::toString, UUID::fromString, List::copyOf);
    }
}
