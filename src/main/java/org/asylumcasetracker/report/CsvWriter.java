package org.asylumcasetracker.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

/**
 * RFC 4180 CSV: fields with a comma, quote or line break are quoted and quotes doubled. A field that a
 * spreadsheet would run as a formula (starting with =, +, -, @, tab or carriage return) gets a leading
 * apostrophe, as the OWASP page "CSV Injection" (https://owasp.org/www-community/attacks/CSV_Injection)
 * advises: a name such as {@code -2+3+cmd|' /C calc'!A0} must stay text in a supervisor's spreadsheet.
 */
public final class CsvWriter {

    /** The first characters that make a spreadsheet read a cell as a formula. */
    static final String FORMULA_TRIGGERS = "=+-@\t\r";

    private final Writer out;

    public CsvWriter(Writer out) {
        this.out = out;
    }

    public void row(List<?> fields) {
        try {
            for (int i = 0; i < fields.size(); i++) {
                if (i > 0) {
                    out.write(',');
                }
                out.write(escape(fields.get(i)));
            }
            out.write("\r\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String escape(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (!text.isEmpty() && FORMULA_TRIGGERS.indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
