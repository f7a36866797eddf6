package org.powerconnect.timeline;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.powerconnect.ApiClient.Reply;
import org.powerconnect.EngineTestSupport;
import org.powerconnect.connection.CustomerType;
import org.powerconnect.connection.ExternalLineWork;
import org.powerconnect.connection.VoltageClass;
import org.powerconnect.intake.Application;
import org.powerconnect.sla.SlaWarnings;
import org.powerconnect.worklist.StageOutcome;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.powerconnect.ApiClient.assertIsProblem;

/**
 * The timeline through the API. Every date below was counted by hand on the 2026 calendar
 * (sla-config/cn-workday-calendar.yaml): 09-25..27 Mid-Autumn and 10-01..07 National Day are holidays, Saturday
 * 10-10 is a make-up working day, a day ends at the 17:00 cut-off and an event at or after 17:00 counts as one of
 * the next day. The working days after Thursday 2026-09-24, numbered:
 *
 * <pre>
 *   09-28 (1)  09-29 (2)  09-30 (3)  10-08 (4)  10-09 (5)  Sat 10-10 (6)  10-12 (7)  10-13 (8)  10-14 (9)
 *   10-15 (10) 10-16 (11) 10-19 (12) 10-20 (13) 10-21 (14) 10-22 (15)    10-23 (16) 10-26 (17) 10-27 (18)
 *   10-28 (19) 10-29 (20)
 * </pre>
 */
class TimelineApiTest extends EngineTestSupport {

    @Autowired
    private SlaWarnings warnings;

    private static final String WINDOW = "grid-service-window";
    private static final String SUPERVISOR = "supervisor";


    /**
     * A high-voltage application accepted Thu 2026-09-24 10:00, its supply plan paused twice.
     *
     * <pre>
     * supply plan: 10 working days counted from 09-24 → (10) Thu 10-15 17:00
     * pause 1, APPLICANT_DOCUMENTS, Tue 09-29 15:00 → Thu 10-08 09:30, across National Day:
     *   counted days 09-29 → 10-08; paused = working days after 09-29 up to 10-08 = 09-30, 10-08 = 2
     *   (10-01..07 are holidays); 09-29 itself still counts
     *   due 10-15 + 2 working days: 10-16, 10-19 → Mon 10-19 17:00
     * pause 2, APPLICANT_CONFIRMATION, Fri 10-09 11:00 → Mon 10-12 17:30 (after the cut-off: counts as Tue 10-13):
     *   counted days 10-09 → 10-13; paused = Sat 10-10 (make-up), 10-12, 10-13 = 3 (Sun 10-11 is not a working day)
     *   due 10-19 + 3 working days: 10-20, 10-21, 10-22 → Thu 10-22 17:00 (= 15 working days after 09-24: 10 + 2 + 3)
     * during pause 2, Mon 10-12 10:00: used = (7) − 2 − 2 so far = 3 (09-28, 09-29, 10-09);
     *   pause 2 has taken 10-10, 10-12 so far, so ending it now would make it due 10-19 + 2 → 10-21;
     *   left = working days after 10-12 up to 10-21 = 10-13, 10-14, 10-15, 10-16, 10-19, 10-20, 10-21 = 7
     * Tue 10-13 09:00, both pauses over: used = (8) − 5 = 3; left = after 10-13 up to 10-22 = 7
     * completed Wed 10-21 10:00: used = (14) − 5 = 9 (09-28, 09-29, 10-09, 10-14, 10-15, 10-16, 10-19, 10-20,
     *   10-21), on time
     * overall: started with 70 working days (the longest high-voltage limit, past 2026: provisional), held by both
     *   pauses (5 days); the plan decides NONE, so 15 working days from 09-24 → (15) 10-22, plus 5 paused →
     *   (20) Thu 10-29 17:00; at 10-21 10:00 used = (14) − 5 = 9, left = 10-22, 10-23, 10-26, 10-27, 10-28, 10-29 = 6
     * </pre>
     */
    @Test
    void shouldShowDueDatesOfAnApplicationPausedTwiceAcrossNationalDayThatAPersonCanCheckByHand() {
        at("2026-09-24T10:00");
        Application application = submit(VoltageClass.HIGH_VOLTAGE, 1000, CustomerType.NON_RESIDENTIAL);
        complete(application, "UserTask_AcceptApplication", done());
        giveSurveyOpinions(application);

        at("2026-09-29T15:00");
        long first = startPause(application, "APPLICANT_DOCUMENTS", "load calculation sheet missing");
        at("2026-10-08T09:30");
        endPause(application, first);
        at("2026-10-09T11:00");
        long second = startPause(application, "APPLICANT_CONFIRMATION", "the applicant confirms the connection point");

        at("2026-10-12T10:00");
        JsonNode paused = clock(timeline(application), "supply-plan");
        assertThat(paused.path("outcome").asText()).isEqualTo("RUNNING");
        assertThat(paused.path("dueAt").asText()).isEqualTo("2026-10-19T17:00:00+08:00");
        assertThat(paused.path("pausedWorkingDays").asInt()).isEqualTo(2);
        assertThat(paused.path("pauses").get(1).path("running").asBoolean()).isTrue();
        assertThat(paused.path("pauses").get(1).path("movedByWorkingDays").isNull()).isTrue();
        assertThat(paused.path("pauses").get(1).path("workingDaysSoFar").asInt()).isEqualTo(2);
        assertThat(paused.path("workingDaysUsed").asInt()).isEqualTo(3);
        assertThat(paused.path("workingDaysLeft").asInt()).isEqualTo(7);
        assertThat(paused.path("explanation").asText()).endsWith("; paused since Fri 2026-10-09 11:00 "
                + "(APPLICANT_CONFIRMATION): 2 working days so far, added to the due date when the pause ends; "
                + "running, 3 working days used, paused now: due 7 working days after today");

        at("2026-10-12T17:30");
        endPause(application, second);

        at("2026-10-13T09:00");
        JsonNode resumed = clock(timeline(application), "supply-plan");
        assertThat(resumed.path("dueAt").asText()).isEqualTo("2026-10-22T17:00:00+08:00");
        assertThat(resumed.path("workingDaysUsed").asInt()).isEqualTo(3);
        assertThat(resumed.path("workingDaysLeft").asInt()).isEqualTo(7);

        at("2026-10-21T10:00");
        complete(application, "UserTask_ReplySupplyPlan",
                new StageOutcome.SupplyPlanReply(ExternalLineWork.NONE, List.of(), null));
        JsonNode timeline = timeline(application);

        assertThat(timeline.path("applicationNo").asText()).isEqualTo(application.applicationNo());
        assertThat(timeline.path("status").asText()).isEqualTo("IN_PROGRESS");
        assertThat(timeline.path("voltageClass").asText()).isEqualTo("HIGH_VOLTAGE");
        assertThat(timeline.path("externalLineWork").asText()).isEqualTo("NONE");
        assertThat(timeline.path("asOf").asText()).isEqualTo("2026-10-21T10:00:00+08:00");
        assertThat(timeline.path("clocks").findValuesAsText("stage")).startsWith("acceptance")
                .contains("overall", "survey-opinion", "supply-plan");

        JsonNode plan = clock(timeline, "supply-plan");
        assertThat(plan.path("department").asText()).isEqualTo("grid-planning");
        assertThat(plan.path("startedAt").asText()).isEqualTo("2026-09-24T10:00:00+08:00");
        assertThat(plan.path("countedFrom").asText()).isEqualTo("2026-09-24");
        assertThat(plan.path("limitWorkingDays").asInt()).isEqualTo(10);
        assertThat(plan.path("limitBasis").asText()).isEqualTo("HIGH_VOLTAGE");
        assertThat(plan.path("originalDueAt").asText()).isEqualTo("2026-10-15T17:00:00+08:00");
        assertThat(plan.path("dueAt").asText()).isEqualTo("2026-10-22T17:00:00+08:00");
        assertThat(plan.path("provisional").asBoolean()).isFalse();
        assertThat(plan.path("pausedWorkingDays").asInt()).isEqualTo(5);
        assertThat(plan.path("pauses")).hasSize(2);
        assertPause(plan.path("pauses").get(0), first, "APPLICANT_DOCUMENTS", "load calculation sheet missing",
                "2026-09-29T15:00:00+08:00", "2026-10-08T09:30:00+08:00", 2);
        assertPause(plan.path("pauses").get(1), second, "APPLICANT_CONFIRMATION",
                "the applicant confirms the connection point", "2026-10-09T11:00:00+08:00",
                "2026-10-12T17:30:00+08:00", 3);
        assertThat(plan.path("dueChanges")).isEmpty();
        assertThat(plan.path("completedAt").asText()).isEqualTo("2026-10-21T10:00:00+08:00");
        assertThat(plan.path("outcome").asText()).isEqualTo("COMPLETED");
        assertThat(plan.path("workingDaysUsed").asInt()).isEqualTo(9);
        assertThat(plan.path("workingDaysLeft").isNull()).isTrue();
        assertThat(plan.path("breachedAt").isNull()).isTrue();
        assertThat(plan.path("explanation").asText()).isEqualTo("Started Thu 2026-09-24 10:00; "
                + "10 working days (HIGH_VOLTAGE) counted from 2026-09-24 → due Thu 2026-10-15 17:00; "
                + "paused 2 working days (APPLICANT_DOCUMENTS, Tue 2026-09-29 15:00 to Thu 2026-10-08 09:30) "
                + "→ due Mon 2026-10-19 17:00; "
                + "paused 3 working days (APPLICANT_CONFIRMATION, Fri 2026-10-09 11:00 to Mon 2026-10-12 17:30) "
                + "→ due Thu 2026-10-22 17:00; "
                + "completed Wed 2026-10-21 10:00 after 9 working days, on time");

        JsonNode overall = clock(timeline, "overall");
        assertThat(overall.path("limitWorkingDays").asInt()).isEqualTo(15);
        assertThat(overall.path("originalDueAt").asText()).isEqualTo("2027-01-08T17:00:00+08:00");
        assertThat(overall.path("dueAt").asText()).isEqualTo("2026-10-29T17:00:00+08:00");
        assertThat(overall.path("provisional").asBoolean()).isFalse();
        assertThat(overall.path("pausedWorkingDays").asInt()).isEqualTo(5);
        assertThat(overall.path("pauses").findValuesAsText("movedByWorkingDays")).containsExactly("2", "3");
        assertThat(overall.path("outcome").asText()).isEqualTo("RUNNING");
        assertThat(overall.path("workingDaysUsed").asInt()).isEqualTo(9);
        assertThat(overall.path("workingDaysLeft").asInt()).isEqualTo(6);
        assertThat(overall.path("explanation").asText())
                .startsWith("Started Thu 2026-09-24 10:00; 70 working days counted from 2026-09-24 "
                        + "→ due Fri 2027-01-08 17:00 (provisional); paused 2 working days")
                .contains("→ due Thu 2026-10-29 17:00; ")
                .endsWith("; running, 9 working days used: due 6 working days after today");

        JsonNode acceptance = clock(timeline, "acceptance");
        assertThat(acceptance.path("dueAt").asText()).isEqualTo("2026-09-24T17:00:00+08:00");
        assertThat(acceptance.path("workingDaysUsed").asInt()).isEqualTo(0);
        assertThat(acceptance.path("explanation").asText()).isEqualTo("Started Thu 2026-09-24 10:00; "
                + "due the same working day (all applications), counted from 2026-09-24 → due Thu 2026-09-24 17:00; "
                + "completed Thu 2026-09-24 10:00 after 0 working days, on time");

        JsonNode pauses = timeline.path("pauses");
        assertThat(pauses).hasSize(2);
        assertThat(pauses.get(0).path("id").asLong()).isEqualTo(first);
        assertThat(pauses.get(0).path("startedBy").asText()).isEqualTo(WINDOW);
        assertThat(pauses.get(0).path("running").asBoolean()).isFalse();
        assertThat(pauses.get(0).path("clocks").findValuesAsText("stage"))
                .containsExactlyInAnyOrder("supply-plan", "overall");
        assertThat(pauses.get(0).path("clocks").findValuesAsText("movedByWorkingDays")).containsOnly("2");
        assertThat(pauses.get(1).path("clocks").findValuesAsText("movedByWorkingDays")).containsOnly("3");
    }

    /**
     * A low-voltage application submitted Thu 2026-09-24 10:00 and not accepted the same day. Its acceptance
     * timer fires at 17:00; from then on the counted day is Fri 09-25, a holiday, so the first working day it
     * can still be done on is Mon 09-28: overdue by one working day (09-28). Accepted Mon 09-28 09:00: used =
     * working days after 09-24 up to 09-28 = 1 (09-28).
     */
    @Test
    void shouldShowTheBreachAndTheWarningOfALateClockAndTheWorkingDaysItUsed() {
        at("2026-09-24T10:00");
        Application application = submit(VoltageClass.LOW_VOLTAGE, 50, CustomerType.NON_RESIDENTIAL);

        at("2026-09-24T15:00");
        JsonNode running = clock(timeline(application), "acceptance");
        assertThat(running.path("workingDaysLeft").asInt()).isZero();
        assertThat(running.path("explanation").asText()).endsWith("; running, 0 working days used: due today");
        // the scheduled scan is off in tests: run it at 15:00, two hours before the acceptance cut-off
        warnings.recordDue(shanghai("2026-09-24T15:00"));

        at("2026-09-24T17:00");
        management.executeJob(timer(application, "BoundaryEvent_AcceptanceOverdue").getId());

        JsonNode breached = clock(timeline(application), "acceptance");
        assertThat(breached.path("outcome").asText()).isEqualTo("RUNNING");
        assertThat(breached.path("warnedAt").asText()).isEqualTo("2026-09-24T15:00:00+08:00");
        assertThat(breached.path("breachedAt").asText()).isEqualTo("2026-09-24T17:00:00+08:00");
        assertThat(breached.path("workingDaysUsed").asInt()).isZero();
        assertThat(breached.path("workingDaysLeft").asInt()).isEqualTo(-1);
        assertThat(breached.path("explanation").asText()).endsWith("; warned Thu 2026-09-24 15:00; "
                + "breached Thu 2026-09-24 17:00; running, 0 working days used: overdue by 1 working day");

        at("2026-09-28T09:00");
        complete(application, "UserTask_AcceptApplication", done());

        JsonNode late = clock(timeline(application), "acceptance");
        assertThat(late.path("outcome").asText()).isEqualTo("COMPLETED");
        assertThat(late.path("completedAt").asText()).isEqualTo("2026-09-28T09:00:00+08:00");
        assertThat(late.path("breachedAt").asText()).isEqualTo("2026-09-24T17:00:00+08:00");
        assertThat(late.path("workingDaysUsed").asInt()).isEqualTo(1);
        assertThat(late.path("workingDaysLeft").isNull()).isTrue();
        assertThat(late.path("explanation").asText()).isEqualTo("Started Thu 2026-09-24 10:00; "
                + "due the same working day (all applications), counted from 2026-09-24 → due Thu 2026-09-24 17:00; "
                + "warned Thu 2026-09-24 15:00; breached Thu 2026-09-24 17:00; "
                + "completed Mon 2026-09-28 09:00 after 1 working day, late");
    }

    /** Submitted Thu 2026-09-24 18:00, after the cut-off: counted as Fri 09-25 (a holiday), so due Mon 09-28. */
    @Test
    void shouldExplainACutoffStart() {
        at("2026-09-24T18:00");
        Application application = submit(VoltageClass.LOW_VOLTAGE, 50, CustomerType.NON_RESIDENTIAL);

        JsonNode acceptance = clock(timeline(application), "acceptance");
        assertThat(acceptance.path("countedFrom").asText()).isEqualTo("2026-09-25");
        assertThat(acceptance.path("dueAt").asText()).isEqualTo("2026-09-28T17:00:00+08:00");
        assertThat(acceptance.path("workingDaysLeft").asInt()).isEqualTo(1);
        assertThat(acceptance.path("explanation").asText()).startsWith("Started Thu 2026-09-24 18:00 (at or after "
                + "the 17:00 cut-off, so it counts as an event of Fri 2026-09-25); due the same working day "
                + "(all applications), counted from 2026-09-25 → due Mon 2026-09-28 17:00; ");
    }

    /**
     * A due change recorded for a move that was not a pause (written here as the SLA module writes it: the clock's
     * due date moves and the change is recorded): the timeline lists it and the explanation follows it.
     */
    @Test
    void shouldListAndExplainRecordedDueChanges() {
        at("2026-09-24T10:00");
        Application application = submit(VoltageClass.LOW_VOLTAGE, 50, CustomerType.NON_RESIDENTIAL);
        at("2026-09-24T11:00");
        OffsetDateTime oldDue = shanghai("2026-09-24T17:00").atOffset(ZoneOffset.UTC);
        OffsetDateTime newDue = shanghai("2026-09-28T17:00").atOffset(ZoneOffset.UTC);
        long clockId = jdbc.queryForObject("select id from sla_clock where application_no = ? and stage = 'acceptance'",
                Long.class, application.applicationNo());
        jdbc.update("update sla_clock set due_date = ?, due_at = ? where id = ?",
                LocalDate.parse("2026-09-28"), newDue, clockId);
        jdbc.update("""
                insert into sla_due_change (clock_id, old_due_at, new_due_at, cause, changed_at)
                values (?, ?, ?, 'calendar changed: the office closed for a typhoon', ?)
                """, clockId, oldDue, newDue, shanghai("2026-09-24T11:00").atOffset(ZoneOffset.UTC));

        JsonNode acceptance = clock(timeline(application), "acceptance");
        assertThat(acceptance.path("dueChanges")).hasSize(1);
        JsonNode change = acceptance.path("dueChanges").get(0);
        assertThat(change.path("from").asText()).isEqualTo("2026-09-24T17:00:00+08:00");
        assertThat(change.path("to").asText()).isEqualTo("2026-09-28T17:00:00+08:00");
        assertThat(change.path("cause").asText()).isEqualTo("calendar changed: the office closed for a typhoon");
        assertThat(change.path("at").asText()).isEqualTo("2026-09-24T11:00:00+08:00");
        // 11:00 on 09-24 counts as 09-24; the working days after it up to 09-28: 09-28 = 1
        assertThat(acceptance.path("workingDaysLeft").asInt()).isEqualTo(1);
        assertThat(acceptance.path("explanation").asText()).isEqualTo("Started Thu 2026-09-24 10:00; "
                + "due the same working day (all applications), counted from 2026-09-24 → due Thu 2026-09-24 17:00; "
                + "calendar changed: the office closed for a typhoon (Thu 2026-09-24 11:00) → due Mon 2026-09-28 17:00; "
                + "running, 0 working days used: due 1 working day after today");
    }

    @Test
    void shouldAnswer404ForAnUnknownApplicationAnd401WithoutCredentials() {
        at("2026-09-24T10:00");
        Application application = submit(VoltageClass.LOW_VOLTAGE, 50, CustomerType.NON_RESIDENTIAL);

        assertIsProblem(api.get("/api/applications/YC-19990101-000000/timeline", SUPERVISOR), 404);
        Reply anonymous = api.get(path(application), null);
        assertIsProblem(anonymous, 401);
        assertThat(anonymous.raw()).doesNotContain(application.applicationNo());
        // any signed-in user may read it
        assertThat(api.get(path(application), "forestry-bureau").status()).isEqualTo(HttpStatus.OK);
    }

    private long startPause(Application application, String reason, String comment) {
        Reply started = api.post("/api/applications/" + application.applicationNo() + "/pauses", WINDOW,
                Map.of("reason", reason, "comment", comment, "stage", "supply-plan"));
        assertThat(started.status()).as("%s", started.raw()).isEqualTo(HttpStatus.CREATED);
        return started.body().path("id").asLong();
    }

    private void endPause(Application application, long pauseId) {
        Reply ended = api.post("/api/applications/" + application.applicationNo() + "/pauses/" + pauseId + "/end",
                WINDOW, Map.of());
        assertThat(ended.status()).as("%s", ended.raw()).isEqualTo(HttpStatus.OK);
    }

    private static void assertPause(JsonNode pause, long id, String reason, String comment, String startedAt,
            String endedAt, int moved) {
        assertThat(pause.path("pauseId").asLong()).isEqualTo(id);
        assertThat(pause.path("reason").asText()).isEqualTo(reason);
        assertThat(pause.path("comment").asText()).isEqualTo(comment);
        assertThat(pause.path("startedAt").asText()).isEqualTo(startedAt);
        assertThat(pause.path("endedAt").asText()).isEqualTo(endedAt);
        assertThat(pause.path("running").asBoolean()).isFalse();
        assertThat(pause.path("movedByWorkingDays").asInt()).isEqualTo(moved);
    }

    private static String path(Application application) {
        return "/api/applications/" + application.applicationNo() + "/timeline";
    }

    private JsonNode timeline(Application application) {
        Reply reply = api.get(path(application), SUPERVISOR);
        assertThat(reply.status()).as("%s", reply.raw()).isEqualTo(HttpStatus.OK);
        return reply.body();
    }

    private static JsonNode clock(JsonNode timeline, String stage) {
        for (JsonNode clock : timeline.path("clocks")) {
            if (clock.path("stage").asText().equals(stage)) {
                return clock;
            }
        }
        throw new AssertionError("no " + stage + " clock in " + timeline.path("clocks"));
    }
}
