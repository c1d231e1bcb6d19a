package org.asylumcasetracker.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Reading who holds a passport or government ID from the pairs a filing's statement aggregates. */
class PrimaryIdLookupTest {

    private static final UUID MOTHER = UUID.fromString("3f0d3e4c-0c1b-4f6e-9d1a-6b1e8f2a7c10");
    private static final UUID SON = UUID.fromString("9a1c2b3d-4e5f-4a6b-8c7d-0e1f2a3b4c5d");
    private static final UUID DAUGHTER = UUID.fromString("0b2c4d6e-8f0a-4b1c-9d2e-3f4a5b6c7d8e");

    @Test
    void eachPersonIsReadWithTheirOwnDocuments() {
        String pairs = MOTHER + "=PASSPORT,BIRTH_CERTIFICATE;" + SON + "=;" + DAUGHTER + "=SCHOOL_ID,GOVERNMENT_ID";

        assertEquals(Map.of(MOTHER, true, SON, false, DAUGHTER, true), PrimaryIdLookup.fromPairs(pairs));
    }

    @Test
    void secondaryDocumentsAloneAreNotAPrimaryId() {
        assertEquals(Map.of(SON, false), PrimaryIdLookup.fromPairs(SON + "=BIRTH_CERTIFICATE,ID_COPY"));
    }

    @Test
    void noPairsIsNobody() {
        assertEquals(Map.of(), PrimaryIdLookup.fromPairs(null));
    }
}
