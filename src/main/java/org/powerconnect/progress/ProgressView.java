package org.powerconnect.progress;

import java.time.Instant;
import java.util.List;

import org.powerconnect.intake.Application;
import org.powerconnect.intake.ApplicationStatus;
import org.powerconnect.sla.SlaClock;

/**
 * What an applicant sees: the stages their application went through or is in, each with its due date and
 * whether it was late. No names, addresses or phone numbers, not even the applicant's own: the code may be
 * forwarded.
 */
record ProgressView(String applicationNo, ApplicationStatus status, Instant submittedAt, Instant poweredOnAt,
        List<StageProgress> stages) {

    static ProgressView of(Application application, List<SlaClock> clocks) {
        return new ProgressView(application.applicationNo(), application.status(), application.submittedAt(),
                application.status() == ApplicationStatus.POWERED_ON ? application.finishedAt() : null,
                clocks.stream().map(StageProgress::of).toList());
    }

    /**
     * @param status IN_PROGRESS, DONE, or WITHDRAWN (a permit request withdrawn when another permit was refused)
     * @param late   whether the stage passed its due time
     */
    record StageProgress(String stage, String department, String status, Instant startedAt, Instant dueAt,
            Instant completedAt, boolean late) {

        static StageProgress of(SlaClock clock) {
            String status = switch (clock.outcome()) {
                case RUNNING -> "IN_PROGRESS";
                case COMPLETED -> "DONE";
                case CANCELLED -> "WITHDRAWN";
            };
            return new StageProgress(clock.stage().key(), clock.department().key(), status, clock.startedAt(),
                    clock.dueAt(), clock.completedAt(), clock.isBreached());
        }
    }
}
