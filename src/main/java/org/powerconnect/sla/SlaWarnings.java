package org.powerconnect.sla;

import java.time.Instant;
import java.time.ZoneOffset;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records the warning of every running clock whose warning time has come, once per clock. One set-based
 * statement does it, so a scan stays cheap with many open clocks; a clock that a pause holds does not warn
 * until the pause ends and moves it.
 */
@Service
public class SlaWarnings {

    private static final Logger log = LoggerFactory.getLogger(SlaWarnings.class);

    private final JdbcTemplate jdbc;
    private final SlaClockRepository clocks;
    private final ApplicationEventPublisher events;

    SlaWarnings(JdbcTemplate jdbc, SlaClockRepository clocks, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.clocks = clocks;
        this.events = events;
    }

    /** @return how many warnings this call recorded */
    @Transactional
    public int recordDue(Instant now) {
        int recorded = jdbc.update("""
                insert into sla_warning (clock_id, application_no, stage, department, warn_at, due_at, recorded_at)
                select c.id, c.application_no, c.stage, c.department, c.warn_at, c.due_at, ?
                  from sla_clock c
                 where c.outcome = 'RUNNING' and c.warn_at <= ?
                   and not exists (select 1 from sla_warning w where w.clock_id = c.id)
                   and not exists (select 1 from sla_clock_pause cp join sla_pause p on p.id = cp.pause_id
                                    where cp.clock_id = c.id and p.ended_at is null)
                """, now.atOffset(ZoneOffset.UTC), now.atOffset(ZoneOffset.UTC));
        if (recorded > 0) {
            log.info("Recorded {} SLA warning(s)", recorded);
            // in the same transaction, so a notification is written exactly when its warning is
            clocks.findWarnedAt(now).forEach(clock -> events.publishEvent(new SlaWarningRecorded(clock, now)));
        }
        return recorded;
    }
}
