package org.asylumcasetracker.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Cells a spreadsheet would run as formulas are written as text, and everything reads back with a CSV parser. */
class CsvWriterTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "=1+1",
                "+1+1",
                "-2+3+cmd|' /C calc'!A0",
                "@SUM(A1:A9)",
                "\t=1+1",
                "\r=1+1",
                "=HYPERLINK(\"http://evil.example\",\"click\")",
                "-",
                "=",
                "+",
                "@",
                "\t",
                "\r"
            })
    void everyFormulaTriggerIsPrefixedWithAnApostrophe(String cell) throws IOException {
        assertEquals(List.of("'" + cell, "plain"), readBack(List.of(cell, "plain")));
    }

    @Test
    void everyTriggerCharacterIsCovered() throws IOException {
        for (char trigger : "=+-@\t\r".toCharArray()) {
            String cell = trigger + "cmd";
            assertEquals("'" + cell, readBack(List.of(cell)).get(0), "trigger " + (int) trigger);
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Amina Haddad",
                "Seán \"Jack\" O'Brien, Jr.",
                "a=b",
                "x-1",
                "name@example.org",
                "أمينة حداد 王",
                "two\nlines",
                "'already quoted",
                ""
            })
    void otherCellsReadBackExactly(String cell) throws IOException {
        assertEquals(List.of(cell, "next"), readBack(List.of(cell, "next")));
    }

    private static List<String> readBack(List<String> cells) throws IOException {
        StringWriter out = new StringWriter();
        new CsvWriter(out).row(cells);
        List<CSVRecord> records =
                CSVFormat.RFC4180.parse(new StringReader(out.toString())).getRecords();
        assertEquals(1, records.size(), out.toString());
        List<String> values = new ArrayList<>();
        records.get(0).forEach(values::add);
        return values;
    }
}
