package org.asylumcasetracker.integration.feed;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;
import org.asylumcasetracker.platform.problem.InvalidInputException;

/**
 * A position in the feed: the writing transaction's id and the row id within the feed. Clients see it
 * as an opaque string and pass it back as {@code after}.
 */
public record ChangeCursor(String transactionId, long id) {

    public static final ChangeCursor START = new ChangeCursor("0", 0);
    private static final Pattern FORM = Pattern.compile("v1:([0-9]{1,20}):([0-9]{1,19})");

    /** Whether this position comes after {@code other} in feed order (transaction id, then row id). */
    public boolean isAfter(ChangeCursor other) {
        int byTransaction =
                new java.math.BigInteger(transactionId).compareTo(new java.math.BigInteger(other.transactionId));
        return byTransaction > 0 || byTransaction == 0 && id > other.id;
    }

    public String encode() {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(("v1:" + transactionId + ":" + id).getBytes(StandardCharsets.US_ASCII));
    }

    public static ChangeCursor decode(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return START;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor.trim()), StandardCharsets.US_ASCII);
            var match = FORM.matcher(text);
            if (match.matches()) {
                return new ChangeCursor(match.group(1), Long.parseLong(match.group(2)));
            }
        } catch (IllegalArgumentException e) {
            // falls through to the field error
        }
        throw InvalidInputException.of("after", "is not a cursor this feed handed out");
    }
}
