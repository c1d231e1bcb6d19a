package org.asylumcasetracker.casestatus;

/** A receipt number to check, within its organization. */
public record CheckKey(String organizationId, String receiptNumber) {

    static CheckKey parse(String key) {
        int slash = key.indexOf('/');
        return new CheckKey(key.substring(0, slash), key.substring(slash + 1));
    }

    /** The planner's key. */
    String key() {
        return organizationId + "/" + receiptNumber;
    }

    @Override
    public String toString() {
        return "CheckKey[" + organizationId + "]";
    }
}
