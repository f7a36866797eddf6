package org.powerconnect;

import java.net.URI;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.powerconnect.connection.ApplicationKind;
import org.powerconnect.connection.CustomerType;
import org.powerconnect.connection.Department;
import org.powerconnect.connection.VoltageClass;
import org.powerconnect.intake.Application;
import org.powerconnect.intake.Applications;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may call what: every endpoint of the server, for each kind of caller, with the status they get. Each row
 * works on an application of its own (submitted, accepted: three survey opinions and the plan reply open), so
 * rows that change something do not affect the others. Unknown callers get 401, known ones without the right
 * 403; the webapps' logins are checked by EngineAuthorizationTest.
 */
class RoleMatrixTest extends EngineTestSupport {

    private static final String ADMIN = "matrix-admin";

    @Autowired
    private TestRestTemplate rest;

    @BeforeEach
    void administrator() {
        ensureAdministrator(engine.getIdentityService(), ADMIN);
    }

    @ParameterizedTest(name = "{0} {1} as {2} → {4}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            POST | /api/applications                             | -                   | APPLICATION | 401
            POST | /api/applications                             | grid-service-window | APPLICATION | 201
            POST | /api/applications                             | matrix-admin        | APPLICATION | 201
            POST | /api/applications                             | planning-bureau     | APPLICATION | 403
            POST | /api/applications                             | supervisor          | APPLICATION | 403
            GET  | /api/applications/{no}                        | -                   | -           | 401
            GET  | /api/applications/{no}                        | grid-service-window | -           | 200
            GET  | /api/applications/{no}                        | planning-bureau     | -           | 200
            GET  | /api/applications/{no}                        | supervisor          | -           | 200
            GET  | /api/applications/{no}/timeline               | -                   | -           | 401
            GET  | /api/applications/{no}/timeline               | forestry-bureau     | -           | 200
            GET  | /api/applications/{no}/timeline               | supervisor          | -           | 200
            GET  | /api/applications/{no}/pauses                 | -                   | -           | 401
            GET  | /api/applications/{no}/pauses                 | water-bureau        | -           | 200
            POST | /api/applications/{no}/pauses                 | -                   | PAUSE       | 401
            POST | /api/applications/{no}/pauses                 | grid-service-window | PAUSE       | 201
            POST | /api/applications/{no}/pauses                 | matrix-admin        | PAUSE       | 201
            POST | /api/applications/{no}/pauses                 | planning-bureau     | PAUSE       | 201
            POST | /api/applications/{no}/pauses                 | water-bureau        | PAUSE       | 403
            POST | /api/applications/{no}/pauses                 | supervisor          | PAUSE       | 403
            GET  | /api/tasks?department=planning-bureau         | -                   | -           | 401
            GET  | /api/tasks?department=planning-bureau         | planning-bureau     | -           | 200
            GET  | /api/tasks?department=planning-bureau         | supervisor          | -           | 200
            GET  | /api/tasks?department=planning-bureau         | matrix-admin        | -           | 200
            GET  | /api/tasks?department=planning-bureau         | forestry-bureau     | -           | 403
            GET  | /api/tasks?department=planning-bureau         | grid-service-window | -           | 403
            POST | /api/tasks/{planningTask}/complete            | -                   | EMPTY       | 401
            POST | /api/tasks/{planningTask}/complete            | planning-bureau     | EMPTY       | 200
            POST | /api/tasks/{planningTask}/complete            | forestry-bureau     | EMPTY       | 403
            POST | /api/tasks/{planningTask}/complete            | supervisor          | EMPTY       | 403
            POST | /api/tasks/{planningTask}/complete            | grid-service-window | EMPTY       | 403
            POST | /api/tasks/{planningTask}/complete            | matrix-admin        | EMPTY       | 403
            GET  | /api/reports/sla?from=2026-11-01&to=2026-11-30 | -                   | -           | 401
            GET  | /api/reports/sla?from=2026-11-01&to=2026-11-30 | supervisor          | -           | 200
            GET  | /api/reports/sla?from=2026-11-01&to=2026-11-30 | matrix-admin        | -           | 200
            GET  | /api/reports/sla?from=2026-11-01&to=2026-11-30 | planning-bureau     | -           | 403
            GET  | /api/reports/sla?from=2026-11-01&to=2026-11-30 | grid-service-window | -           | 403
            GET  | /api/working-days/due?from=2026-12-03&workingDays=5 | -             | -           | 200
            GET  | /api/working-days/due?from=2026-12-03&workingDays=5 | planning-bureau | -         | 200
            GET  | /api/public/progress/{no}?code={code}         | -                   | -           | 200
            GET  | /api/public/progress/{no}?code=WRONGCODE2     | -                   | -           | 404
            GET  | /progress.html                                | -                   | -           | 200
            GET  | /engine-rest/task                             | -                   | -           | 401
            GET  | /engine-rest/task                             | planning-bureau     | -           | 403
            GET  | /engine-rest/task                             | supervisor          | -           | 403
            GET  | /engine-rest/task                             | matrix-admin        | -           | 200
            POST | /engine-rest/task/{planningTask}/complete     | planning-bureau     | EMPTY       | 403
            GET  | /actuator/health                              | -                   | -           | 200
            """)
    void everyCallerGetsTheAnswerOfTheirRole(String method, String path, String user, String body, int status) {
        at("2026-11-09T10:00");
        Application application = applications.submit(new Applications.NewApplication("Matrix Ltd", "13800138000",
                "1 Test Road, Yancheng", VoltageClass.HIGH_VOLTAGE, 800, ApplicationKind.NEW_CONNECTION,
                CustomerType.NON_RESIDENTIAL, null, null), Department.GRID_SERVICE_WINDOW.key());
        complete(application, "UserTask_AcceptApplication", done());
        String resolved = path.replace("{no}", application.applicationNo())
                .replace("{code}", application.accessCode())
                .replace("{planningTask}", task(application, "UserTask_GiveSurveyOpinionPlanning").taskId());

        HttpHeaders headers = new HttpHeaders();
        headers.setAccept(java.util.List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON, MediaType.TEXT_HTML,
                MediaType.ALL));
        Object payload = switch (body == null ? "" : body) {
            case "APPLICATION" -> Map.of("applicantName", "Matrix Works", "contactPhone", "13800138000",
                    "address", "2 Test Road, Yancheng", "voltageClass", "LOW_VOLTAGE", "capacityKva", 20,
                    "kind", "NEW_CONNECTION", "customerType", "RESIDENTIAL");
            case "PAUSE" -> Map.of("reason", "APPLICANT_DOCUMENTS", "comment", "site plan missing",
                    "stage", "survey-opinion");
            case "EMPTY" -> Map.of();
            default -> null;
        };
        if (payload != null) {
            headers.setContentType(MediaType.APPLICATION_JSON);
        }
        TestRestTemplate client = user == null ? rest : rest.withBasicAuth(user, TEST_PASSWORD);
        ResponseEntity<String> answer = client.exchange(URI.create(resolved), HttpMethod.valueOf(method),
                new HttpEntity<>(payload, headers), String.class);

        assertThat(answer.getStatusCode().value()).as("%s %s as %s: %s", method, path, user, answer.getBody())
                .isEqualTo(status);
    }
}
