package org.asylumcasetracker.platform.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.DayOfWeek;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CommaSeparatedConverterTest {

    static class Days extends CommaSeparatedConverter.OfEnums<DayOfWeek> {
        Days() {
            super(DayOfWeek.class);
        }
    }

    static class Ids extends CommaSeparatedConverter<List<UUID>, UUID> {
        Ids() {
            super(UUID::toString, UUID::fromString, List::copyOf);
        }
    }

    private final Days days = new Days();
    private final Ids ids = new Ids();

    @Test
    void enumSetsAreWrittenInDeclarationOrderWhateverTheirIterationOrder() {
        Set<DayOfWeek> unordered = new LinkedHashSet<>(List.of(DayOfWeek.FRIDAY, DayOfWeek.MONDAY));

        assertEquals("MONDAY,FRIDAY", days.convertToDatabaseColumn(unordered));
        assertEquals(EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), days.convertToEntityAttribute("MONDAY,FRIDAY"));
    }

    @Test
    void listsKeepTheirOrder() {
        UUID first = UUID.fromString("00000000-0000-0000-0000-00000000000b");
        UUID second = UUID.fromString("00000000-0000-0000-0000-00000000000a");

        String column = ids.convertToDatabaseColumn(List.of(first, second));

        assertEquals(first + "," + second, column);
        assertEquals(List.of(first, second), ids.convertToEntityAttribute(column));
    }

    @Test
    void nothingIsStoredAsEmptyTextAndReadBackAsAnEmptyCollection() {
        assertEquals("", days.convertToDatabaseColumn(null));
        assertEquals("", days.convertToDatabaseColumn(EnumSet.noneOf(DayOfWeek.class)));
        assertEquals("", ids.convertToDatabaseColumn(List.of()));
        assertEquals(EnumSet.noneOf(DayOfWeek.class), days.convertToEntityAttribute(""));
        assertEquals(EnumSet.noneOf(DayOfWeek.class), days.convertToEntityAttribute(null));
        assertEquals(List.of(), ids.convertToEntityAttribute(" "));
    }
}
