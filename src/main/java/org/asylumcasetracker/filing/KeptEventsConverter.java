package org.asylumcasetracker.filing;

import com.fasterxml.jackson.core.type.TypeReference;
import jakarta.persistence.Converter;
import org.hibernate.annotations.Mutability;
import org.hibernate.type.descriptor.java.Immutability;

/** Keeps the events a filing's rules read in full ({@link KeptEvent}) as one JSON array in its row. */
@Converter
@Mutability(Immutability.class) // its lists are replaced, never changed in place
public class KeptEventsConverter extends JsonListConverter<KeptEvent> {

    public KeptEventsConverter() {
        super(new TypeReference<>() {}, "Kept events");
    }
}
