package org.powerconnect.cluster;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.powerconnect.connection.Department;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Two servers (child JVMs, {@link ServerProcess}) on one PostgreSQL database, as a grid company runs them behind a
 * load balancer. Camunda's job executor is safe for that through the optimistic locking of job rows: every due timer
 * fires once, on one node or the other, and the jobs a dead node had locked are run by the other once their lock
 * expires. The steps build on each other and run in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class TwoNodesTest {

    private static final Logger log = LoggerFactory.getLogger(TwoNodesTest.class);
    private static final int APPLICATIONS = 40;
    private static final Duration PATIENCE = Duration.ofSeconds(90);
    /** The nodes' job lock time: a dead node's jobs wait this long for the other. */
    private static final Duration LOCK_TIME = Duration.ofSeconds(10);
    private static final String EXECUTED = "powerconnect_jobs_executed_total";
    /** The timer jobs of the three bureaus' survey opinions (BoundaryEvent_...SurveyOpinionOverdue). */
    private static final String SURVEY_OPINION_TIMERS =
            "job_def_id_ in (select id_ from act_ru_jobdef where act_id_ like '%SurveyOpinionOverdue')";

    private static ClusterDatabase database;
    private static JdbcTemplate jdbc;
    private static ServerProcess nodeA;
    private static ServerProcess nodeB;
    private static NodeApi a;
    private static NodeApi b;

    @BeforeAll
    static void database() {
        database = ClusterDatabase.recreate("powerconnect_cluster");
        jdbc = database.jdbc();
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("camunda.bpm.job-execution.lock-time-in-millis", Long.toString(LOCK_TIME.toMillis()));
        settings.put("camunda.bpm.job-execution.wait-time-in-millis", "200");
        settings.put("camunda.bpm.job-execution.max-wait", "1000");
        // no SMTP server: mails go to the log (LOGGED), which is enough to count them here
        for (Department department : Department.values()) {
            settings.put("powerconnect.mail.departments." + department.key(), department.key() + "@cluster.test");
        }
        nodeA = new ServerProcess("node-a", database.url(), database.user(), settings);
        // node B takes due jobs 20 at a time and runs them one after the other: when it dies, it surely holds some
        Map<String, String> batching = new LinkedHashMap<>(settings);
        batching.put("camunda.bpm.job-execution.max-jobs-per-acquisition", "20");
        batching.put("camunda.bpm.job-execution.core-pool-size", "1");
        batching.put("camunda.bpm.job-execution.max-pool-size", "1");
        batching.put("camunda.bpm.job-execution.queue-capacity", "20");
        nodeB = new ServerProcess("node-b", database.url(), database.user(), batching);
        a = new NodeApi(nodeA);
        b = new NodeApi(nodeB);
    }

    @AfterAll
    static void stopNodes() {
        for (ServerProcess node : new ServerProcess[] {nodeA, nodeB}) {
            if (node != null) {
                node.close();
            }
        }
    }

    @Test
    @Order(1)
    void shouldStartTwoNodesAtTheSameMomentOnAnEmptyDatabase() {
        Instant launched = Instant.now();
        nodeA.launch();
        nodeB.launch();
        nodeA.awaitReady();
        nodeB.awaitReady();
        log.info("Both nodes ready {} s after their launch", Duration.between(launched, Instant.now()).toSeconds());

        assertThat(database.count("select count(*) from flyway_schema_history where not success")).isZero();
        assertThat(database.count("select count(*) from act_re_procdef where key_ = 'ConnectionApplicationProcess'"))
                .as("the model deployed once, not once per node").isEqualTo(1);
        assertThat(database.count("select count(*) from act_id_group where type_ = 'WORKFLOW'")).isEqualTo(Department.values().length);
        a.createDepartmentUsers();
        assertThat(b.get("/api/tasks?department=grid-service-window", Clerks.SERVICE_WINDOW).status())
                .as("a user created through node A signs in at node B").isEqualTo(200);
    }

    @Test
    @Order(2)
    void shouldFireEveryDueTimerExactlyOnceWithBothNodesRunningJobs() throws Exception {
        // given: applications submitted on one node and accepted on the other, alternately, by two clerks at once
        List<String> applications = new CopyOnWriteArrayList<>();
        ExecutorService clerks = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int clerk = 0; clerk < 2; clerk++) {
                int first = clerk;
                work.add(clerks.submit(() -> {
                    for (int i = first; i < APPLICATIONS; i += 2) {
                        NodeApi intake = i % 2 == 0 ? a : b;
                        NodeApi.Reply submitted = Clerks.submit(intake, Clerks.newSubmission(i));
                        assertThat(submitted.status()).as("%s", submitted).isEqualTo(201);
                        String applicationNo = submitted.body().path("applicationNo").asText();
                        assertThat(Clerks.completeOneTask(intake == a ? b : a, applicationNo)).contains("acceptance");
                        applications.add(applicationNo);
                    }
                }));
            }
            for (Future<?> done : work) {
                done.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
            }
        } finally {
            clerks.shutdownNow();
        }
        assertThat(applications).as("application numbers issued by two nodes").hasSize(APPLICATIONS).doesNotHaveDuplicates();
        assertThat(database.count("select count(*) from application")).isEqualTo(APPLICATIONS);

        // when: every survey opinion's timer comes due at the same moment
        List<Long> surveyClocks = jdbc.queryForList(
                "select id from sla_clock where outcome = 'RUNNING' and stage = 'survey-opinion' order by id", Long.class);
        double executedByA = a.counter(EXECUTED);
        double executedByB = b.counter(EXECUTED);
        int due = jdbc.update("update act_ru_job set duedate_ = ? where type_ = 'timer' and " + SURVEY_OPINION_TIMERS,
                Timestamp.from(Instant.now().minusSeconds(1)));
        assertThat(due).isEqualTo(surveyClocks.size()).isEqualTo(3 * APPLICATIONS);

        // then: each fired exactly once, and both nodes did part of the work
        awaitTrue("every survey opinion's breach", () -> database.count("select count(*) from sla_breach") >= due
                && database.count("select count(*) from act_ru_job where type_ = 'timer' and " + SURVEY_OPINION_TIMERS) == 0);
        assertThat(jdbc.queryForList("select clock_id from sla_breach order by clock_id", Long.class)).isEqualTo(surveyClocks);
        double byA = a.counter(EXECUTED) - executedByA;
        double byB = b.counter(EXECUTED) - executedByB;
        log.info("{} timers due at once: node A executed {} jobs, node B {} (timers and the mail jobs they queued)", due,
                byA, byB);
        assertThat(byA).as("jobs executed by node A").isPositive();
        assertThat(byB).as("jobs executed by node B").isPositive();
        assertThat(byA + byB).as("jobs executed, at least the due timers").isGreaterThanOrEqualTo(due);
        // and the database itself refuses a second breach for a clock
        assertThatThrownBy(() -> jdbc.update("""
                insert into sla_breach (clock_id, application_no, stage, department, due_at, fired_at)
                select clock_id, application_no, stage, department, due_at, fired_at from sla_breach where clock_id = ?
                """, surveyClocks.get(0))).isInstanceOf(DataIntegrityViolationException.class);
        awaitMailsSettled();
    }

    @Test
    @Order(3)
    void shouldRunTheJobsOfAKilledNodeOnTheOtherNodeOnceTheirLockExpires() throws InterruptedException {
        // given: the remaining timers (supply plans, overall limits) come due at once
        List<Long> dueClocks = jdbc.queryForList("""
                select id from sla_clock where outcome = 'RUNNING' and id not in (select clock_id from sla_breach)
                 order by id
                """, Long.class);
        double executedByA = a.counter(EXECUTED);
        int due = jdbc.update("update act_ru_job set duedate_ = ? where type_ = 'timer'",
                Timestamp.from(Instant.now().minusSeconds(1)));
        assertThat(due).isEqualTo(dueClocks.size()).isPositive();

        // when: node B dies while it holds locked jobs
        Instant deadline = Instant.now().plus(PATIENCE);
        while (database.count("select count(*) from act_ru_job where lock_owner_ = 'node-b'") < 3) {
            assertThat(Instant.now()).as("waiting for node B to lock jobs").isBefore(deadline);
            Thread.sleep(5);
        }
        assertThat(nodeB.kill()).as("exit status after SIGKILL").isEqualTo(137);
        Instant killed = Instant.now();
        List<String> heldByTheDead = jdbc.queryForList("select id_ from act_ru_job where lock_owner_ = 'node-b'", String.class);
        log.info("Node B killed holding {} locked jobs of {} due timers", heldByTheDead.size(), due);
        assertThat(heldByTheDead).as("jobs locked by node B when it died").isNotEmpty();

        // then: node A runs them once their lock has expired, and every due clock has exactly one breach
        awaitTrue("the dead node's jobs run by node A", () ->
                database.count("select count(*) from act_ru_job where id_ in ('" + String.join("','", heldByTheDead) + "')") == 0
                        && database.count("select count(*) from act_ru_job where type_ = 'timer'") == 0);
        Duration takenOver = Duration.between(killed, Instant.now());
        log.info("Node A finished node B's jobs {} ms after the kill (lock time {} s); it executed {} jobs since the"
                + " timers came due", takenOver.toMillis(), LOCK_TIME.toSeconds(), a.counter(EXECUTED) - executedByA);
        assertThat(jdbc.queryForList("select clock_id from sla_breach where clock_id in (" + joined(dueClocks)
                + ") order by clock_id", Long.class)).isEqualTo(dueClocks);
        assertThat(database.count("select count(*) - count(distinct clock_id) from sla_breach")).isZero();
        assertThat(a.counter(EXECUTED) - executedByA).isGreaterThanOrEqualTo(heldByTheDead.size());
        awaitMailsSettled();
        assertThat(database.count("select count(*) from act_ru_incident")).as("incidents").isZero();
        assertThat(database.count("select count(*) from mail_outbox where event_key like 'sla-breach:%'"))
                .as("one breach mail per breach").isEqualTo(database.count("select count(*) from sla_breach"));
    }

    /** Every mail queued so far was handled (written to the log: no SMTP server here) exactly once per event. */
    private static void awaitMailsSettled() {
        awaitTrue("every mail settled", () ->
                database.count("select count(*) from mail_outbox where status not in ('SENT', 'LOGGED', 'NO_RECIPIENT')") == 0);
        assertThat(database.count("select count(*) - count(distinct event_key) from mail_outbox")).isZero();
    }

    private static String joined(List<Long> ids) {
        return ids.stream().map(String::valueOf).reduce((x, y) -> x + "," + y).orElse("null");
    }

    private static void awaitTrue(String what, BooleanSupplier condition) {
        ServerProcess.awaitTrue(what, PATIENCE, nodeA.log().getParent(), condition);
    }
}
