package org.asylumcasetracker.client;

import jakarta.persistence.Converter;
import org.asylumcasetracker.platform.persistence.CommaSeparatedConverter;

/** Stores the set of identity documents as one comma-separated column, in a stable order. */
@Converter
public class IdentityDocumentsConverter extends CommaSeparatedConverter.OfEnums<IdentityDocument> {

    public IdentityDocumentsConverter() {
        super(IdentityDocument.class);
    }
}
