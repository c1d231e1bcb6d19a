package org.asylumcasetracker.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ANumberTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "A12345678     | A012345678",
                "A123456789    | A123456789",
                "A1234567      | A001234567",
                "a-123-456-789 | A123456789",
                "012345678     | A012345678",
                "'A 123 456 78'| A012345678",
                "' a012345678 '| A012345678",
                "1234567       | A001234567"
            })
    void normalises(String input, String expected) {
        assertEquals(Optional.of(expected), ANumber.normalize(input));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "A",
                "A123456",
                "A1234567890",
                "B12345678",
                "AA12345678",
                "A12345678X",
                "12-34",
                "A12.345.678",
                "A１２３４５６７８",
                "A12345678;drop"
            })
    void rejects(String input) {
        assertEquals(Optional.empty(), ANumber.normalize(input));
    }

    @Test
    void theDocumentedPatternAcceptsExactlyWhatIsNormalised() {
        Pattern documented = Pattern.compile(ANumber.DOCUMENTED_PATTERN);
        Random random = new Random(589);
        String alphabet = "Aa0123456789- \tB.x";
        for (int i = 0; i < 200_000; i++) {
            StringBuilder input = new StringBuilder();
            int length = 1 + random.nextInt(14);
            for (int j = 0; j < length; j++) {
                input.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String value = input.toString();
            if (!value.isBlank()) {
                assertEquals(
                        ANumber.normalize(value).isPresent(),
                        documented.matcher(value).matches(),
                        value);
            }
        }
    }
}
