package org.powerconnect;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.powerconnect.connection.ApplicationKind;
import org.powerconnect.connection.CustomerType;
import org.powerconnect.connection.Department;
import org.powerconnect.connection.VoltageClass;
import org.powerconnect.intake.Application;
import org.powerconnect.intake.Applications;
import org.powerconnect.sla.SlaClock;
import org.powerconnect.sla.SlaClocks;
import org.powerconnect.worklist.StageOutcome;
import org.powerconnect.worklist.StageTask;
import org.powerconnect.worklist.Worklist;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Process and SLA tests on the real engine and PostgreSQL, with the job executor off: tests set the engine
 * clock (in Asia/Shanghai local time, as the rules are written) and run due jobs themselves.
 * Each test works on applications of its own, so tests share the database without interfering. The server
 * listens on a random port, so API tests share this context (and its engine) with the process tests.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public abstract class EngineTestSupport {

    public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    public static final String TEST_PASSWORD = "test-password";

    @Autowired
    protected ProcessEngine engine;
    @Autowired
    protected RuntimeService runtime;
    @Autowired
    protected ManagementService management;
    @Autowired
    protected Applications applications;
    @Autowired
    protected Worklist worklist;
    @Autowired
    protected SlaClocks clocks;
    @Autowired
    protected JdbcTemplate jdbc;
    @Autowired
    private TestRestTemplate rest;
    @Autowired
    private ObjectMapper json;
    /** The HTTP API of the server this test runs, for API tests. */
    protected ApiClient api;

    @BeforeEach
    void initEngineTests() {
        api = new ApiClient(rest, json);
        BpmnAwareTests.init(engine);
        ensureDepartmentUsers(engine.getIdentityService());
    }

    @AfterEach
    void resetEngineClock() {
        ClockUtil.reset();
    }

    /** One user per department, named after it, as in the demo profile but with a test password. */
    public static void ensureDepartmentUsers(IdentityService identity) {
        for (Department department : Department.values()) {
            String userId = department.key();
            if (identity.createUserQuery().userId(userId).count() == 0) {
                User user = identity.newUser(userId);
                user.setPassword(TEST_PASSWORD);
                identity.saveUser(user);
                identity.createMembership(userId, department.key());
            }
        }
    }

    /**
     * A member of camunda-admin (with the test password): the webapps show their first-start set-up page instead
     * of the login while no administrator exists.
     */
    public static void ensureAdministrator(IdentityService identity, String userId) {
        if (identity.createUserQuery().userId(userId).count() == 0) {
            User admin = identity.newUser(userId);
            admin.setPassword(TEST_PASSWORD);
            identity.saveUser(admin);
            if (identity.createGroupQuery().groupId("camunda-admin").count() == 0) {
                identity.saveGroup(identity.newGroup("camunda-admin"));
            }
            identity.createMembership(userId, "camunda-admin");
        }
    }

    /** Sets the engine clock to a local date-time in Shanghai, e.g. "2026-09-24T10:00". */
    protected static void at(String shanghaiDateTime) {
        ClockUtil.setCurrentTime(Date.from(shanghai(shanghaiDateTime)));
    }

    protected static Instant shanghai(String shanghaiDateTime) {
        return LocalDateTime.parse(shanghaiDateTime).atZone(SHANGHAI).toInstant();
    }

    protected Application submit(VoltageClass voltageClass, int capacityKva, CustomerType customerType) {
        return applications.submit(new Applications.NewApplication("Test applicant", "13800138000",
                "1 Test Road, Yancheng", voltageClass, capacityKva, ApplicationKind.NEW_CONNECTION, customerType,
                null, null),
                Department.GRID_SERVICE_WINDOW.key());
    }

    protected ProcessInstance processOf(Application application) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(application.applicationNo())
                .singleResult();
    }

    /** The open task of an application at a model activity, e.g. "UserTask_ReplySupplyPlan". */
    protected StageTask task(Application application, String activityId) {
        ProcessInstance instance = processOf(application);
        String taskId = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey(activityId).singleResult().getId();
        return worklist.openTask(taskId).orElseThrow();
    }

    /** Completes the task at an activity as a member of its department, then runs the async joins it reaches. */
    protected void complete(Application application, String activityId, StageOutcome outcome) {
        StageTask task = task(application, activityId);
        worklist.complete(task, outcome, task.department().key(), Set.of(task.department().key()));
        runAsyncContinuations(application);
    }

    /** The three bureaus' survey-opinion tasks, given in parallel with the supply-plan reply. */
    protected static final String[] SURVEY_OPINIONS = {"UserTask_GiveSurveyOpinionPlanning",
            "UserTask_GiveSurveyOpinionConstruction", "UserTask_GiveSurveyOpinionForestry"};

    protected void giveSurveyOpinions(Application application) {
        for (String survey : SURVEY_OPINIONS) {
            complete(application, survey, done());
        }
    }

    protected static StageOutcome done() {
        return new StageOutcome.Done(null);
    }

    /** Runs the asynchronous continuations (the joins) of an application, not its timers. */
    protected void runAsyncContinuations(Application application) {
        ProcessInstance instance = processOf(application);
        if (instance == null) {
            return;
        }
        List<Job> jobs;
        while (!(jobs = management.createJobQuery().processInstanceId(instance.getId()).messages().list()).isEmpty()) {
            jobs.forEach(job -> management.executeJob(job.getId()));
        }
    }

    /** The timer job of a boundary event, e.g. "BoundaryEvent_SupplyPlanOverdue". */
    protected Job timer(Application application, String boundaryEventId) {
        List<Job> timers = management.createJobQuery().processInstanceId(processOf(application).getId())
                .activityId(boundaryEventId).timers().list();
        assertThat(timers).as("timer jobs of %s", boundaryEventId).hasSize(1);
        return timers.get(0);
    }

    protected SlaClock runningClock(Application application, String activityId) {
        return clocks.running(application.applicationNo(), activityId).orElseThrow();
    }

    protected List<Job> executableTimers(Application application) {
        return management.createJobQuery().processInstanceId(processOf(application).getId()).timers().executable()
                .list();
    }
}
