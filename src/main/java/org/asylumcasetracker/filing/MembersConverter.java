package org.asylumcasetracker.filing;

import com.fasterxml.jackson.core.type.TypeReference;
import jakarta.persistence.Converter;
import org.hibernate.annotations.Mutability;
import org.hibernate.type.descriptor.java.Immutability;

/** Keeps the progress of a filing's family members as one JSON array in its row, read and written with the filing. */
@Converter
@Mutability(Immutability.class) // its lists are replaced, never changed in place
public class MembersConverter extends JsonListConverter<PersonProgress> {

    public MembersConverter() {
        super(new TypeReference<>() {}, "Members");
    }
}
