package org.powerconnect.sla;

import java.time.Clock;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * At every start, running clocks are checked against the calendar in sla-config/: loading a new year's
 * notice takes a restart with the new file, not a redeployment of the processes.
 */
@Component
class SlaCalendarCheck implements ApplicationRunner {

    private final SlaRecalculation recalculation;
    private final DeadlineCalculator calendar;
    private final Clock clock;

    SlaCalendarCheck(SlaRecalculation recalculation, DeadlineCalculator calendar, Clock clock) {
        this.recalculation = recalculation;
        this.calendar = calendar;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        WorkingDayCalendar days = calendar.calendar();
        recalculation.recalculate(calendar, "working-day calendar " + days.source() + " covering "
                + days.firstCoveredDate().getYear() + "–" + days.lastCoveredDate().getYear(), clock.instant());
    }
}
