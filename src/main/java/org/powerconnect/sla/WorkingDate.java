package org.powerconnect.sla;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A date found by counting working days.
 *
 * @param provisional true if the count went through a year the calendar has no announced data for, so the
 *                    date rests on an estimate and may move once the State Council publishes that year
 */
public record WorkingDate(LocalDate date, boolean provisional) {

    public WorkingDate {
        Objects.requireNonNull(date, "date");
    }
}
