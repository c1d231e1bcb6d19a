package org.asylumcasetracker.integration.feed;

/** What a change-feed item reports. */
public enum ChangeType {
    CLIENT_CREATED,
    CLIENT_UPDATED,
    FILING_CREATED,
    FILING_UPDATED,
    EVENT_RECORDED,
    EVENT_RETRACTED
}
