package org.powerconnect.monitoring;

import java.util.Comparator;
import java.util.Optional;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.powerconnect.connection.ExternalLineWork;
import org.powerconnect.connection.Stage;
import org.powerconnect.connection.VoltageClass;
import org.powerconnect.intake.Application;
import org.powerconnect.intake.ApplicationFinished;
import org.powerconnect.intake.ApplicationStatus;
import org.powerconnect.intake.ApplicationSubmitted;
import org.powerconnect.intake.Applications;
import org.powerconnect.sla.DeadlineCalculator;
import org.powerconnect.sla.SlaBreachRecorded;
import org.powerconnect.sla.SlaClock;
import org.powerconnect.sla.SlaClockCompleted;
import org.powerconnect.sla.SlaClocks;
import org.powerconnect.sla.SlaWarningRecorded;
import org.powerconnect.supplyplan.SupplyPlan;
import org.powerconnect.supplyplan.SupplyPlans;
import org.powerconnect.connection.Department;
import org.powerconnect.worklist.Worklist;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Counts what happens to applications once it is committed: a transaction that rolls back (and is retried)
 * counts nothing, so a breach is counted once however often its timer job ran. Counters and histograms live
 * in each node's memory: sum them over nodes, and read totals over long periods from the SLA report, which
 * reads the database.
 */
@Component
class SlaMetrics {

    /**
     * Working-day buckets: 0.5 holds the same-day stages (0 working days), then the limits of DOMAIN.md (1, 2, 3,
     * 5, 10, 15, 20, 30, 35, 65, 70) and a few beyond.
     */
    static final double[] WORKING_DAY_BUCKETS = {0.5, 1, 2, 3, 5, 10, 15, 20, 30, 35, 50, 65, 70, 90, 120};
    static final String UNDECIDED = "UNDECIDED";

    private final MeterRegistry meters;
    private final Applications applications;
    private final SupplyPlans plans;
    private final SlaClocks clocks;
    private final DeadlineCalculator deadlines;
    private final Worklist worklist;

    SlaMetrics(MeterRegistry meters, Applications applications, SupplyPlans plans, SlaClocks clocks,
            DeadlineCalculator deadlines, Worklist worklist) {
        this.meters = meters;
        this.applications = applications;
        this.plans = plans;
        this.clocks = clocks;
        this.deadlines = deadlines;
        this.worklist = worklist;
        // the series dashboards start from exist before the first application
        for (VoltageClass voltageClass : VoltageClass.values()) {
            voltageClass.averageTargetWorkingDays().ifPresent(target -> Gauge.builder(
                            "powerconnect.connection.target.working.days", () -> target)
                    .description("The target for the average connection time of the voltage class (working days)")
                    .tags("voltage_class", voltageClass.name()).register(meters));
            started(voltageClass);
            for (ExternalLineWork work : ExternalLineWork.values()) {
                completed(voltageClass, work.name(), ApplicationStatus.POWERED_ON);
                connectionTime(voltageClass, work.name());
            }
        }
    }

    /**
     * Every series the dashboards and alerts read exists from start-up, at 0: Prometheus' increase() cannot see
     * the first events of a series that appears with them (a burst of breaches would read as none).
     */
    @EventListener(ApplicationReadyEvent.class)
    void registerSeries() {
        for (Worklist.StageOfDepartment pair : worklist.stagesOfDepartments()) {
            for (VoltageClass voltageClass : VoltageClass.values()) {
                slaCounter("powerconnect.sla.warnings", "SLA warnings recorded", pair.stage(), pair.department(), voltageClass.name());
                slaCounter("powerconnect.sla.breaches", "SLA breaches recorded", pair.stage(), pair.department(), voltageClass.name());
            }
            if (pair.stage() != Stage.OVERALL) {
                stageTime(pair.stage(), pair.department(), true);
                stageTime(pair.stage(), pair.department(), false);
            }
        }
    }

    /** External-line work is not known yet when an application arrives: the supply plan decides it. */
    @TransactionalEventListener(fallbackExecution = true)
    void on(ApplicationSubmitted event) {
        started(event.application().voltageClass()).increment();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(ApplicationFinished event) {
        Optional<Application> application = applications.find(event.applicationNo());
        if (application.isEmpty()) {
            return;
        }
        VoltageClass voltageClass = application.get().voltageClass();
        String work = plans.find(event.applicationNo()).map(SupplyPlan::externalLineWork).map(Enum::name)
                .orElse(UNDECIDED);
        completed(voltageClass, work, event.status()).increment();
        if (event.status() == ApplicationStatus.POWERED_ON) {
            overallClock(event.applicationNo()).filter(clock -> clock.completedAt() != null).ifPresent(clock ->
                    connectionTime(voltageClass, work).record(deadlines.workingDaysUsed(clock.countedFrom(),
                            clock.completedAt(), clock.pausedWorkingDays())));
        }
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(SlaClockCompleted event) {
        SlaClock clock = event.clock();
        if (clock.stage() == Stage.OVERALL) {
            return; // the connection time above
        }
        stageTime(clock.stage(), clock.department(), event.onTime()).record(event.workingDaysUsed());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(SlaWarningRecorded event) {
        slaCounter("powerconnect.sla.warnings", "SLA warnings recorded", event.clock()).increment();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(SlaBreachRecorded event) {
        slaCounter("powerconnect.sla.breaches", "SLA breaches recorded", event.clock()).increment();
    }

    private Counter slaCounter(String name, String description, SlaClock clock) {
        String voltageClass = applications.find(clock.applicationNo()).map(a -> a.voltageClass().name()).orElse("UNKNOWN");
        return slaCounter(name, description, clock.stage(), clock.department(), voltageClass);
    }

    private Counter slaCounter(String name, String description, Stage stage, Department department, String voltageClass) {
        return Counter.builder(name).description(description + ", by stage, department and voltage class")
                .tags("stage", stage.key(), "department", department.key(), "voltage_class", voltageClass)
                .register(meters);
    }

    private DistributionSummary stageTime(Stage stage, Department department, boolean onTime) {
        return DistributionSummary.builder("powerconnect.stage.working.days")
                .description("Working days a completed stage took, pauses excluded, by stage, department and whether on time")
                .tags("stage", stage.key(), "department", department.key(), "on_time", Boolean.toString(onTime))
                .serviceLevelObjectives(WORKING_DAY_BUCKETS)
                .register(meters);
    }

    private Counter started(VoltageClass voltageClass) {
        return Counter.builder("powerconnect.applications.started")
                .description("Applications received; external_line_work is UNDECIDED until the supply plan")
                .tags("voltage_class", voltageClass.name(), "external_line_work", UNDECIDED)
                .register(meters);
    }

    private Counter completed(VoltageClass voltageClass, String work, ApplicationStatus status) {
        return Counter.builder("powerconnect.applications.completed")
                .description("Applications whose process ended: powered on, or cancelled")
                .tags("voltage_class", voltageClass.name(), "external_line_work", work, "outcome",
                        status == ApplicationStatus.POWERED_ON ? "powered-on" : "cancelled")
                .register(meters);
    }

    private DistributionSummary connectionTime(VoltageClass voltageClass, String work) {
        return DistributionSummary.builder("powerconnect.connection.working.days")
                .description("Working days from acceptance to power-on, pauses excluded")
                .tags("voltage_class", voltageClass.name(), "external_line_work", work)
                .serviceLevelObjectives(WORKING_DAY_BUCKETS)
                .register(meters);
    }

    private Optional<SlaClock> overallClock(String applicationNo) {
        return clocks.clocksOf(applicationNo).stream().filter(clock -> clock.stage() == Stage.OVERALL)
                .max(Comparator.comparing(SlaClock::startedAt));
    }
}
