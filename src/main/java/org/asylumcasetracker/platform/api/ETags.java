package org.asylumcasetracker.platform.api;

import jakarta.ws.rs.core.EntityTag;
import java.util.OptionalLong;
import org.asylumcasetracker.platform.problem.VersionMismatchException;

/**
 * Versions travel as strong entity tags, {@code ETag: "<version>"}; a write with {@code If-Match} goes
 * through only while the named version is still current.
 */
public final class ETags {

    private ETags() {}

    public static EntityTag tag(long version) {
        return new EntityTag(Long.toString(version));
    }

    /** The version an {@code If-Match} header names; empty for no header or {@code *}. */
    public static OptionalLong expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return OptionalLong.empty();
        }
        String tag = ifMatch.trim();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        tag = tag.replace("\"", "").trim();
        try {
            return OptionalLong.of(Long.parseLong(tag));
        } catch (NumberFormatException e) {
            // A tag we never issued cannot match the current version.
            return OptionalLong.of(-1);
        }
    }

    /** Throws 412 when the client's {@code If-Match} names another version than the current one. */
    public static void checkIfMatch(String ifMatch, long currentVersion) {
        OptionalLong expected = expectedVersion(ifMatch);
        if (expected.isPresent() && expected.getAsLong() != currentVersion) {
            throw new VersionMismatchException(currentVersion);
        }
    }
}
