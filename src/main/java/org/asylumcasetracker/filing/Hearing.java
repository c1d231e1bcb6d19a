package org.asylumcasetracker.filing;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A court hearing as the events set it: its kind, when it is, and the day it was scheduled.
 *
 * @param scheduledOn the day of the {@code HEARING_SCHEDULED} event that set it
 */
public record Hearing(HearingKind kind, OffsetDateTime at, LocalDate scheduledOn) {}
