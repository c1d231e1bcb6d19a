package org.asylumcasetracker.filing;

import com.fasterxml.jackson.core.type.TypeReference;
import jakarta.persistence.Converter;
import org.hibernate.annotations.Mutability;
import org.hibernate.type.descriptor.java.Immutability;

/** Keeps a filing's hearings as one JSON array in its row: they are read and written with the filing, never alone. */
@Converter
@Mutability(Immutability.class) // its lists are replaced, never changed in place
public class HearingsConverter extends JsonListConverter<Hearing> {

    public HearingsConverter() {
        super(new TypeReference<>() {}, "Hearings");
    }
}
