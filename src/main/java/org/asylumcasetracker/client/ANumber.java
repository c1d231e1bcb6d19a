package org.asylumcasetracker.client;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The Alien Registration Number: "A" and 7 to 9 digits, kept as "A" + 9 digits, zero-padded on the left
 * ({@code A12345678} becomes {@code A012345678}). Input may carry dashes, spaces and a lower-case "a",
 * or omit the "A".
 */
public final class ANumber {

    private static final Pattern INPUT = Pattern.compile("A?([0-9]{7,9})");
    /**
     * What {@link #normalize} takes, as the API documents it: dashes and white space anywhere are ignored,
     * and a blank value means "no A-Number".
     */
    public static final String DOCUMENTED_PATTERN = "^([\\s-]*[Aa]?([\\s-]*[0-9]){7,9}[\\s-]*|\\s*)$";
    /** Why a value that does not match {@link #DOCUMENTED_PATTERN} is refused. */
    public static final String FORMAT_MESSAGE = "must be an A-Number: A followed by 7 to 9 digits, e.g. A123456789";

    private ANumber() {}

    /** The normalised form, or empty if the input is not an A-Number. */
    public static Optional<String> normalize(String input) {
        if (input == null) {
            return Optional.empty();
        }
        String compact = input.replaceAll("[\\s-]", "").toUpperCase(java.util.Locale.ROOT);
        var matcher = INPUT.matcher(compact);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        String digits = matcher.group(1);
        return Optional.of("A" + "0".repeat(9 - digits.length()) + digits);
    }
}
