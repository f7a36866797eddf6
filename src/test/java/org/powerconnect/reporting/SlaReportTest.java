package org.powerconnect.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.powerconnect.ApiClient.assertIsProblem;
import static org.powerconnect.ApiClient.errorFields;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.powerconnect.ApiClient.Reply;
import org.powerconnect.EngineTestSupport;
import org.powerconnect.connection.CustomerType;
import org.powerconnect.connection.ExternalLineWork;
import org.powerconnect.connection.VoltageClass;
import org.powerconnect.intake.Application;
import org.powerconnect.worklist.StageOutcome;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.RequestEntity;
import org.springframework.http.ResponseEntity;

/**
 * The supervisors' SLA report over HTTP, on applications driven through the real process in July 2026, a month
 * no other test uses (July 2026 has no holidays and no make-up working days; the weekends are 4-5, 11-12, 18-19
 * and 25-26 July). The expected report is a hand count, written out in {@link #julyIsCountedByHand()}.
 */
class SlaReportTest extends EngineTestSupport {

    private static final String JULY = "/api/reports/sla?from=2026-07-01&to=2026-07-31";
    private static final String SUPERVISOR = "supervisor";
    private static final String REPORTS_ADMIN = "reports-test-admin";

    @Autowired
    private TestRestTemplate rest;

    /*
     * Hand count. Working days used = working days after the clock's counted-from day up to and including the day
     * its completion counts as (17:00 cut-off); no pauses here.
     *
     * A  LOW_VOLTAGE, no external line: submitted Wed 07-01 09:00, accepted 07-01 10:00 (acceptance: 0 WD, on time).
     *    Survey opinions (due 5 WD: Wed 07-08) all given Thu 07-02 10:00: 1 WD each, on time.
     *    Supply plan (due 2 WD: Fri 07-03) replied NONE Thu 07-02 11:00: 1 WD, on time.
     *    Powered on Fri 07-03 10:00: overall (3 WD, due Mon 07-06) used 2 WD (07-02, 07-03).
     * B  LOW_VOLTAGE, no external line: submitted Mon 07-06 09:00, accepted 07-06 09:30 (0 WD, on time).
     *    Survey opinions given Tue 07-07 10:00: 1 WD each, on time.
     *    Supply plan due Wed 07-08 17:00, replied NONE Thu 07-09 10:00: 3 WD, LATE (breach recorded at completion,
     *    fired 07-09). Powered on Fri 07-10 10:00: overall used 4 WD (07-07 .. 07-10), late (overall: not in
     *    byDepartmentAndStage).
     * C  HIGH_VOLTAGE, no external line: submitted Wed 07-01 14:00, accepted 07-01 15:00 (0 WD, on time).
     *    Planning and construction survey opinions Fri 07-03 10:00: 2 WD each, on time.
     *    Forestry survey opinion due Wed 07-08 17:00: its TIMER fires then (breach fired 07-08); given Thu 07-09
     *    10:00: 6 WD (07-02, 03, 06, 07, 08, 09), not on time.
     *    Supply plan (due 10 WD: Wed 07-15) replied NONE Fri 07-10 10:00: 7 WD, on time.
     *    Powered on Tue 07-14 10:00: overall (15 WD, due Wed 07-22) used 9 WD (07-02 .. 07-14).
     * D  LOW_VOLTAGE: submitted Wed 07-15 09:00, never accepted; the acceptance TIMER fires 07-15 17:00 (breach
     *    fired 07-15). Running and breached.
     * E  LOW_VOLTAGE: submitted Fri 07-17 10:00, accepted 07-17 10:30 (0 WD, on time). Supply plan due 2 WD:
     *    Tue 07-21 17:00; survey opinions due Fri 07-24.
     * F  LOW_VOLTAGE: submitted Mon 07-20 09:00, accepted 07-20 09:30 (0 WD, on time). Supply plan due Wed 07-22,
     *    survey opinions due Mon 07-27.
     *
     * Report for 2026-07-01 .. 2026-07-31, generated Mon 07-20 10:00 (counted day 07-20; the first working day
     * after it is Tue 07-21, so a running clock due on or before 07-21 is at risk):
     *
     * byDepartmentAndStage (sorted by department, then stage; p90 = nearest rank, the largest for n <= 10)
     *   construction-bureau survey-opinion  clocks 3 (A 1, B 1, C 2)  onTime 3  1.0000  breaches 0  mean 1.33  p90 2
     *   forestry-bureau     survey-opinion  clocks 3 (A 1, B 1, C 6)  onTime 2  0.6667  breaches 1  mean 2.67  p90 6
     *   grid-planning       supply-plan     clocks 3 (A 1, B 3, C 7)  onTime 2  0.6667  breaches 1  mean 3.67  p90 7
     *   grid-service-window acceptance      clocks 5 (A B C E F, 0)   onTime 5  1.0000  breaches 1 (D)  mean 0.00  p90 0
     *   planning-bureau     survey-opinion  clocks 3 (A 1, B 1, C 2)  onTime 3  1.0000  breaches 0  mean 1.33  p90 2
     * byVoltageClass
     *   LOW_VOLTAGE         2 applications (A 2, B 4)  mean 3.00  target 20  within true
     *   HIGH_VOLTAGE        1 application  (C 9)       mean 9.00  target 70  within true
     *   EXTRA_HIGH_VOLTAGE  0 applications             mean null target null within null
     * atRisk, of these applications: D acceptance (due 07-15 17:00, breached), E supply-plan (due 07-21 17:00, not
     *   breached), in that order; nothing of F (its earliest, the supply plan, is due 07-22).
     */
    @Test
    void julyIsCountedByHand() {
        Application a = poweredOn(VoltageClass.LOW_VOLTAGE, "2026-07-01T09:00", "2026-07-01T10:00",
                "2026-07-02T10:00", "2026-07-02T11:00", "2026-07-03T10:00");
        Application b = poweredOn(VoltageClass.LOW_VOLTAGE, "2026-07-06T09:00", "2026-07-06T09:30",
                "2026-07-07T10:00", "2026-07-09T10:00", "2026-07-10T10:00");
        Application c = highVoltageWithForestryTimer();
        Application d = neverAccepted();
        Application e = accepted("2026-07-17T10:00", "2026-07-17T10:30");
        Application f = accepted("2026-07-20T09:00", "2026-07-20T09:30");

        at("2026-07-20T10:00");
        Reply reply = api.get(JULY, SUPERVISOR);

        assertThat(reply.status()).as(reply.raw()).isEqualTo(HttpStatus.OK);
        JsonNode report = reply.body();
        // shares to 4 decimals, means to 2, as written (the parsed numbers below are doubles)
        assertThat(reply.raw()).contains("\"onTimeShare\":1.0000", "\"onTimeShare\":0.6667",
                "\"meanWorkingDays\":0.00", "\"meanWorkingDays\":3.00");
        assertThat(report.path("from").asText()).isEqualTo("2026-07-01");
        assertThat(report.path("to").asText()).isEqualTo("2026-07-31");
        assertThat(report.path("generatedAt").asText()).isEqualTo("2026-07-20T10:00:00+08:00");

        assertThat(list(report.path("byDepartmentAndStage"))).extracting(
                        row -> row.path("department").asText(), row -> row.path("stage").asText(),
                        row -> row.path("clocks").asInt(), row -> row.path("onTime").asInt(),
                        row -> row.path("onTimeShare").doubleValue(), row -> row.path("breaches").asInt(),
                        row -> row.path("meanWorkingDays").doubleValue(),
                        row -> row.path("p90WorkingDays").asInt())
                .containsExactly(
                        tuple("construction-bureau", "survey-opinion", 3, 3, 1.0, 0, 1.33, 2),
                        tuple("forestry-bureau", "survey-opinion", 3, 2, 0.6667, 1, 2.67, 6),
                        tuple("grid-planning", "supply-plan", 3, 2, 0.6667, 1, 3.67, 7),
                        tuple("grid-service-window", "acceptance", 5, 5, 1.0, 1, 0.0, 0),
                        tuple("planning-bureau", "survey-opinion", 3, 3, 1.0, 0, 1.33, 2));

        assertThat(list(report.path("byVoltageClass"))).extracting(
                        row -> row.path("voltageClass").asText(), row -> row.path("applications").asInt(),
                        row -> text(row.path("meanWorkingDays")), row -> text(row.path("targetWorkingDays")),
                        row -> text(row.path("withinTarget")))
                .containsExactlyInAnyOrder(
                        tuple("LOW_VOLTAGE", 2, "3.0", "20", "true"),
                        tuple("HIGH_VOLTAGE", 1, "9.0", "70", "true"),
                        tuple("EXTRA_HIGH_VOLTAGE", 0, null, null, null));

        List<JsonNode> atRisk = list(report.path("atRisk"));
        assertThat(atRisk).extracting(row -> row.path("dueAt").asText()).isSorted();
        List<String> mine = List.of(a, b, c, d, e, f).stream().map(Application::applicationNo).toList();
        assertThat(atRisk.stream().filter(row -> mine.contains(row.path("applicationNo").asText())))
                .extracting(row -> row.path("applicationNo").asText(), row -> row.path("stage").asText(),
                        row -> row.path("department").asText(), row -> row.path("dueAt").asText(),
                        row -> row.path("breached").asBoolean(), row -> row.path("provisional").asBoolean())
                .containsExactly(
                        tuple(d.applicationNo(), "acceptance", "grid-service-window", "2026-07-15T17:00:00+08:00",
                                true, false),
                        tuple(e.applicationNo(), "supply-plan", "grid-planning", "2026-07-21T17:00:00+08:00",
                                false, false));

        // the same report as one CSV
        ResponseEntity<byte[]> csv = rest.withBasicAuth(SUPERVISOR, TEST_PASSWORD).exchange(
                RequestEntity.get(URI.create(JULY)).accept(MediaType.valueOf("text/csv")).build(), byte[].class);
        assertThat(csv.getStatusCode().value()).isEqualTo(200);
        assertThat(csv.getHeaders().getContentType()).isNotNull();
        assertThat(csv.getHeaders().getContentType().isCompatibleWith(MediaType.valueOf("text/csv"))).isTrue();
        assertThat(csv.getHeaders().getContentType().getCharset()).isEqualTo(StandardCharsets.UTF_8);
        List<List<String>> rows = parseCsv(new String(csv.getBody(), StandardCharsets.UTF_8));
        List<String> header = rows.get(0);
        assertThat(header.get(0)).isEqualTo("section");
        List<Map<String, String>> records = rows.subList(1, rows.size()).stream()
                .peek(row -> assertThat(row).hasSameSizeAs(header))
                .map(row -> IntStream.range(0, header.size()).boxed()
                        .collect(Collectors.toMap(header::get, row::get)))
                .toList();
        assertThat(records).filteredOn(row -> row.get("section").equals("byDepartmentAndStage")
                        && row.get("department").equals("forestry-bureau"))
                .singleElement().satisfies(row -> {
                    assertThat(row.get("stage")).isEqualTo("survey-opinion");
                    assertThat(row.get("clocks")).isEqualTo("3");
                    assertThat(row.get("onTime")).isEqualTo("2");
                    assertThat(row.get("onTimeShare")).isEqualTo("0.6667");
                    assertThat(row.get("breaches")).isEqualTo("1");
                    assertThat(row.get("meanWorkingDays")).isEqualTo("2.67");
                    assertThat(row.get("p90WorkingDays")).isEqualTo("6");
                    assertThat(row.get("applicationNo")).isEmpty();
                });
        assertThat(records).filteredOn(row -> row.get("section").equals("report")).singleElement()
                .satisfies(row -> assertThat(row.get("generatedAt")).isEqualTo("2026-07-20T10:00:00+08:00"));
        assertThat(records).filteredOn(row -> row.get("section").equals("atRisk")
                        && row.get("applicationNo").equals(d.applicationNo()))
                .singleElement().satisfies(row -> assertThat(row.get("breached")).isEqualTo("true"));
    }

    @Test
    void aPeriodMustBeTwoDatesInOrderAtMostAYearApart() {
        Reply reversed = api.get("/api/reports/sla?from=2026-07-31&to=2026-07-01", SUPERVISOR);
        assertIsProblem(reversed, 400);
        assertThat(errorFields(reversed)).containsExactly("to");

        Reply badDate = api.get("/api/reports/sla?from=2026-02-30&to=2026-07-01", SUPERVISOR);
        assertIsProblem(badDate, 400);
        assertThat(errorFields(badDate)).containsExactly("from");

        // a CSV client is told what is wrong too
        ResponseEntity<String> csvClient = rest.withBasicAuth(SUPERVISOR, TEST_PASSWORD).exchange(RequestEntity
                .get(URI.create("/api/reports/sla?from=2026-07-01&to=July")).accept(MediaType.valueOf("text/csv"))
                .build(), String.class);
        assertThat(csvClient.getStatusCode().value()).as(csvClient.getBody()).isEqualTo(400);
        assertThat(csvClient.getBody()).contains("\"field\":\"to\"");

        Reply tooLong = api.get("/api/reports/sla?from=2025-07-01&to=2026-07-03", SUPERVISOR);
        assertIsProblem(tooLong, 400);
        assertThat(errorFields(tooLong)).containsExactly("to");

        Reply missing = api.get("/api/reports/sla?from=2026-07-01", SUPERVISOR);
        assertIsProblem(missing, 400);
        assertThat(errorFields(missing)).containsExactly("to");

        // 366 days apart is still a report (2028 is a leap year)
        assertThat(api.get("/api/reports/sla?from=2028-01-01&to=2029-01-01", SUPERVISOR).status())
                .isEqualTo(HttpStatus.OK);
    }

    @Test
    void onlySupervisorsAndAdministratorsMayReadIt() {
        Reply bureau = api.get(JULY, "planning-bureau");
        assertIsProblem(bureau, 403);

        IdentityService identity = engine.getIdentityService();
        if (identity.createUserQuery().userId(REPORTS_ADMIN).count() == 0) {
            var user = identity.newUser(REPORTS_ADMIN);
            user.setPassword(TEST_PASSWORD);
            identity.saveUser(user);
            if (identity.createGroupQuery().groupId("camunda-admin").count() == 0) {
                identity.saveGroup(identity.newGroup("camunda-admin"));
            }
            identity.createMembership(REPORTS_ADMIN, "camunda-admin");
        }
        assertThat(api.get(JULY, REPORTS_ADMIN).status()).isEqualTo(HttpStatus.OK);
        assertThat(api.get(JULY, null).status()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void theNinetiethPercentileIsTheNearestRank() {
        // ranks 1..20: ceil(0.9 * 20) = 18, the 18th smallest; ceil(0.9 * 11) = 10
        int[] twenty = IntStream.rangeClosed(1, 20).map(i -> 21 - i).toArray();
        assertThat(SlaReports.p90(twenty)).isEqualTo(18);
        assertThat(SlaReports.p90(IntStream.rangeClosed(1, 11).toArray())).isEqualTo(10);
        assertThat(SlaReports.p90(new int[] {4})).isEqualTo(4);
        assertThat(SlaReports.p90(new int[0])).isNull();
    }

    // ---------------------------------------------------------------- the data set

    private Application poweredOn(VoltageClass voltageClass, String submitted, String accepted, String surveyed,
            String planned, String poweredOn) {
        Application application = accepted(voltageClass, submitted, accepted);
        at(surveyed);
        giveSurveyOpinions(application);
        at(planned);
        complete(application, "UserTask_ReplySupplyPlan", noExternalLine());
        at(poweredOn);
        complete(application, "UserTask_PowerOn", done());
        return application;
    }

    private Application highVoltageWithForestryTimer() {
        Application application = accepted(VoltageClass.HIGH_VOLTAGE, "2026-07-01T14:00", "2026-07-01T15:00");
        at("2026-07-03T10:00");
        complete(application, "UserTask_GiveSurveyOpinionPlanning", done());
        complete(application, "UserTask_GiveSurveyOpinionConstruction", done());
        at("2026-07-08T17:00");
        management.executeJob(timer(application, "BoundaryEvent_ForestrySurveyOpinionOverdue").getId());
        at("2026-07-09T10:00");
        complete(application, "UserTask_GiveSurveyOpinionForestry", done());
        at("2026-07-10T10:00");
        complete(application, "UserTask_ReplySupplyPlan", noExternalLine());
        at("2026-07-14T10:00");
        complete(application, "UserTask_PowerOn", done());
        return application;
    }

    private Application neverAccepted() {
        at("2026-07-15T09:00");
        Application application = submit(VoltageClass.LOW_VOLTAGE, 50, CustomerType.NON_RESIDENTIAL);
        at("2026-07-15T17:00");
        management.executeJob(timer(application, "BoundaryEvent_AcceptanceOverdue").getId());
        return application;
    }

    private Application accepted(String submitted, String accepted) {
        return accepted(VoltageClass.LOW_VOLTAGE, submitted, accepted);
    }

    private Application accepted(VoltageClass voltageClass, String submitted, String accepted) {
        at(submitted);
        Application application = submit(voltageClass, voltageClass == VoltageClass.LOW_VOLTAGE ? 50 : 800,
                CustomerType.NON_RESIDENTIAL);
        at(accepted);
        complete(application, "UserTask_AcceptApplication", done());
        return application;
    }

    private static StageOutcome noExternalLine() {
        return new StageOutcome.SupplyPlanReply(ExternalLineWork.NONE, List.of(), null);
    }

    // ---------------------------------------------------------------- reading answers

    private static List<JsonNode> list(JsonNode array) {
        assertThat(array.isArray()).as("%s is an array", array).isTrue();
        return StreamSupport.stream(array.spliterator(), false).toList();
    }

    /** A JSON value as text; null for JSON null. */
    private static String text(JsonNode node) {
        return node.isNull() || node.isMissingNode() ? null : node.isNumber() ? node.decimalValue().toPlainString()
                : node.asText();
    }

    /** RFC 4180: fields separated by commas, records by CRLF, quoted fields may hold commas, quotes and breaks. */
    private static List<List<String>> parseCsv(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    field.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                field.append(ch);
            }
        }
        assertThat(field).as("the CSV ends with CRLF").isEmpty();
        assertThat(row).isEmpty();
        return rows;
    }
}
