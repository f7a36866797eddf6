package org.powerconnect.sla;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Looks for due warnings every half minute (powerconnect.sla.warning-scan). Several nodes may scan at once:
 * the unique key lets only one write a warning, and the other's scan simply tries again next time.
 */
@Component
@ConditionalOnProperty(name = "powerconnect.sla.warning-scan.enabled", havingValue = "true", matchIfMissing = true)
class SlaWarningScan {

    private static final Logger log = LoggerFactory.getLogger(SlaWarningScan.class);

    private final SlaWarnings warnings;
    private final Clock clock;

    SlaWarningScan(SlaWarnings warnings, Clock clock) {
        this.warnings = warnings;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${powerconnect.sla.warning-scan.interval:PT30S}", initialDelayString = "PT10S")
    void scan() {
        try {
            warnings.recordDue(clock.instant());
        } catch (DataIntegrityViolationException e) {
            log.debug("Another node recorded a warning at the same moment; scanning again later", e);
        }
    }
}
