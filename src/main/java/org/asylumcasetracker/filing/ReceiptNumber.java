package org.asylumcasetracker.filing;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A USCIS receipt number: three letters (the service center) and ten digits, e.g. {@code IOE0912345678}.
 * Spaces and dashes are dropped and letters upper-cased before the format is checked.
 */
public final class ReceiptNumber {

    private static final Pattern FORMAT = Pattern.compile("^[A-Z]{3}[0-9]{10}$");

    private ReceiptNumber() {}

    public static Optional<String> normalize(String input) {
        if (input == null) {
            return Optional.empty();
        }
        String compact = input.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
        return FORMAT.matcher(compact).matches() ? Optional.of(compact) : Optional.empty();
    }
}
