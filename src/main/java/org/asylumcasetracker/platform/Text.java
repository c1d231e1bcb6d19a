package org.asylumcasetracker.platform;

/** Small rules for free text from clients, shared by every feature. */
public final class Text {

    private Text() {}

    /** Trimmed text, or {@code null} for absent or blank input: an empty field means "not given". */
    public static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
