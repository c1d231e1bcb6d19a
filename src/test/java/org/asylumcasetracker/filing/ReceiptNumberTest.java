package org.asylumcasetracker.filing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ReceiptNumberTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "IOE0912345678      | IOE0912345678",
                "ZLA2412345678      | ZLA2412345678",
                "ioe0912345678      | IOE0912345678",
                "'IOE 091 234 5678' | IOE0912345678",
                "IOE-09-1234-5678   | IOE0912345678"
            })
    void normalises(String input, String expected) {
        assertEquals(Optional.of(expected), ReceiptNumber.normalize(input));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "IOE091234567",
                "IOE09123456789",
                "IO0912345678",
                "IOEX912345678",
                "1230912345678",
                "IOE0912345678X",
                "IOE_0912345678"
            })
    void rejects(String input) {
        assertEquals(Optional.empty(), ReceiptNumber.normalize(input));
    }
}
