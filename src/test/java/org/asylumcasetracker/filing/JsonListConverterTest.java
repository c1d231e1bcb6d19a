package org.asylumcasetracker.filing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A list kept as one JSON array in the filing's row, read back as it was written. */
class JsonListConverterTest {

    private final HearingsConverter hearings = new HearingsConverter();

    @Test
    void aListReadsBackAsItWasWrittenWithTheTimeZoneOffsetKept() {
        List<Hearing> written = List.of(
                new Hearing(
                        HearingKind.MASTER_CALENDAR,
                        OffsetDateTime.parse("2027-02-03T09:30-05:00"),
                        LocalDate.parse("2026-11-02"),
                        List.of()),
                new Hearing(
                        HearingKind.INDIVIDUAL,
                        OffsetDateTime.parse("2027-06-10T13:00-04:00"),
                        LocalDate.parse("2026-12-01"),
                        List.of(UUID.fromString("8d2b6c1e-3f4a-4b5c-9d6e-7f8091a2b3c4"))));

        String column = hearings.convertToDatabaseColumn(written);

        assertEquals(written, hearings.convertToEntityAttribute(column));
    }

    @Test
    void anEmptyListIsAnEmptyArrayBothWays() {
        assertEquals("[]", hearings.convertToDatabaseColumn(List.of()));
        assertEquals("[]", hearings.convertToDatabaseColumn(null));
        assertSame(List.of(), hearings.convertToEntityAttribute("[]"));
        assertSame(List.of(), hearings.convertToEntityAttribute(null));
        // written by a migration's SQL with spaces, it still reads as empty
        assertEquals(List.of(), hearings.convertToEntityAttribute("[ ]"));
    }

    @Test
    void aColumnThatIsNotTheListsJsonIsAnError() {
        IllegalStateException e =
                assertThrows(IllegalStateException.class, () -> hearings.convertToEntityAttribute("{\"kind\":1}"));
        assertEquals("Hearings could not be read", e.getMessage());
    }
}
