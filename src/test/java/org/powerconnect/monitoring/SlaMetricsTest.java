package org.powerconnect.monitoring;

import java.time.Instant;
import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.powerconnect.EngineTestSupport;
import org.powerconnect.connection.CustomerType;
import org.powerconnect.connection.Department;
import org.powerconnect.connection.ExternalLineWork;
import org.powerconnect.connection.Stage;
import org.powerconnect.connection.VoltageClass;
import org.powerconnect.intake.Application;
import org.powerconnect.sla.DeadlineCalculator;
import org.powerconnect.worklist.StageOutcome;
import org.powerconnect.worklist.Worklist;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** The figures behind the dashboards, checked against hand-counted working days. */
class SlaMetricsTest extends EngineTestSupport {

    @Autowired
    private MeterRegistry meters;
    @Autowired
    private DeadlineCalculator deadlines;

    @Test
    void aLowVoltageConnectionWithoutExternalLineCountsItsWorkingDaysAndItsStagesOnTime() {
        double started = counter("powerconnect.applications.started", "voltage_class", "LOW_VOLTAGE");
        double poweredOn = counter("powerconnect.applications.completed", "voltage_class", "LOW_VOLTAGE",
                "external_line_work", "NONE", "outcome", "powered-on");
        Snapshot connection = snapshot("powerconnect.connection.working.days", "voltage_class", "LOW_VOLTAGE",
                "external_line_work", "NONE");
        Snapshot survey = snapshot("powerconnect.stage.working.days", "stage", "survey-opinion",
                "department", "planning-bureau", "on_time", "true");

        at("2026-11-09T10:00"); // Monday
        Application application = submit(VoltageClass.LOW_VOLTAGE, 8, CustomerType.RESIDENTIAL);
        complete(application, "UserTask_AcceptApplication", done());
        at("2026-11-12T10:00"); // Thursday: Tue, Wed, Thu = 3 working days
        giveSurveyOpinions(application);
        complete(application, "UserTask_ReplySupplyPlan",
                new StageOutcome.SupplyPlanReply(ExternalLineWork.NONE, List.of(), null));
        at("2026-11-12T11:00");
        complete(application, "UserTask_PowerOn", done());

        assertThat(counter("powerconnect.applications.started", "voltage_class", "LOW_VOLTAGE")).isEqualTo(started + 1);
        assertThat(counter("powerconnect.applications.completed", "voltage_class", "LOW_VOLTAGE",
                "external_line_work", "NONE", "outcome", "powered-on")).isEqualTo(poweredOn + 1);
        assertThat(connection.added()).isEqualTo(new Added(1, 3));
        assertThat(survey.added()).isEqualTo(new Added(1, 3));
    }

    @Test
    void aBreachCountsOnceWithItsStageDepartmentAndVoltageClassEvenWhenTheStageCompletesLateAfterwards() {
        String[] tags = {"stage", "acceptance", "department", "grid-service-window", "voltage_class", "HIGH_VOLTAGE"};
        double before = counter("powerconnect.sla.breaches", tags);
        Snapshot late = snapshot("powerconnect.stage.working.days", "stage", "acceptance",
                "department", "grid-service-window", "on_time", "false");

        at("2026-11-09T10:00");
        Application application = submit(VoltageClass.HIGH_VOLTAGE, 800, CustomerType.NON_RESIDENTIAL);
        at("2026-11-09T17:00");
        management.executeJob(timer(application, "BoundaryEvent_AcceptanceOverdue").getId());
        at("2026-11-10T09:00");
        complete(application, "UserTask_AcceptApplication", done());

        assertThat(counter("powerconnect.sla.breaches", tags)).isEqualTo(before + 1);
        assertThat(late.added()).isEqualTo(new Added(1, 1));
    }

    /** Prometheus' increase() sees the first breach of a series only if the series was there, at 0, before. */
    @Test
    void everySeriesADashboardOrAlertCountsExistsBeforeItsFirstEvent() {
        assertThat(meters.find("powerconnect.sla.breaches").tags("stage", "greening-permit", "department",
                "forestry-bureau", "voltage_class", "EXTRA_HIGH_VOLTAGE").counter()).isNotNull();
        assertThat(meters.find("powerconnect.sla.warnings").tags("stage", "overall", "department",
                "grid-service-window", "voltage_class", "LOW_VOLTAGE").counter()).isNotNull();
        assertThat(meters.find("powerconnect.stage.working.days").tags("stage", "river-occupancy-permit",
                "department", "water-bureau", "on_time", "false").summary()).isNotNull();
        assertThat(meters.find("powerconnect.mail.sent").tags("kind", "overall-breach", "outcome", "sent").counter())
                .isNotNull();
        assertThat(meters.find("powerconnect.open.tasks").tags("department", "urban-management-bureau",
                "stage", "urban-occupancy-permit").gauge()).isNotNull();
        // and no series for a department that does not work a stage
        assertThat(meters.find("powerconnect.sla.breaches").tags("stage", "greening-permit", "department",
                "water-bureau").counter()).isNull();
    }

    @Test
    void openWorkIsCountedPerDepartmentAndStageAsOpenDueWithinAWorkingDayAndOverdue() {
        // the survey opinions of applications accepted on Monday 9 November are due on Monday 16 November, 17:00
        Instant friday = shanghai("2026-11-13T10:00");
        Instant tuesday = shanghai("2026-11-17T10:00");
        // other tests' applications share the database: count with and without ours
        Worklist.OpenWork fridayBefore = planningSurveys(friday);
        Worklist.OpenWork tuesdayBefore = planningSurveys(tuesday);

        at("2026-11-09T10:00");
        for (int i = 0; i < 2; i++) {
            Application application = submit(VoltageClass.HIGH_VOLTAGE, 800, CustomerType.NON_RESIDENTIAL);
            complete(application, "UserTask_AcceptApplication", done());
        }

        assertThat(added(planningSurveys(friday), fridayBefore)).as("open, due by Monday's cut-off, overdue")
                .containsExactly(2L, 2L, 0L);
        assertThat(added(planningSurveys(tuesday), tuesdayBefore)).containsExactly(2L, 0L, 2L);
    }

    private static long[] added(Worklist.OpenWork after, Worklist.OpenWork before) {
        return new long[] {after.open() - before.open(), after.dueSoon() - before.dueSoon(),
                after.overdue() - before.overdue()};
    }

    private Worklist.OpenWork planningSurveys(Instant now) {
        return worklist.openWork(now, deadlines.dueAfter(now, 1).dueAt()).stream()
                .filter(w -> w.department() == Department.PLANNING_BUREAU && w.stage() == Stage.SURVEY_OPINION)
                .findFirst().orElse(new Worklist.OpenWork(Department.PLANNING_BUREAU, Stage.SURVEY_OPINION, 0, 0, 0));
    }

    private double counter(String name, String... tags) {
        Counter counter = meters.find(name).tags(tags).counter();
        return counter == null ? 0 : counter.count();
    }

    private Snapshot snapshot(String name, String... tags) {
        return new Snapshot(name, tags, summary(name, tags));
    }

    private Added summary(String name, String... tags) {
        DistributionSummary summary = meters.find(name).tags(tags).summary();
        return summary == null ? new Added(0, 0) : new Added(summary.count(), summary.totalAmount());
    }

    private record Added(long count, double total) {
    }

    private final class Snapshot {
        private final String name;
        private final String[] tags;
        private final Added start;

        Snapshot(String name, String[] tags, Added start) {
            this.name = name;
            this.tags = tags;
            this.start = start;
        }

        Added added() {
            Added now = summary(name, tags);
            return new Added(now.count() - start.count(), now.total() - start.total());
        }
    }
}
