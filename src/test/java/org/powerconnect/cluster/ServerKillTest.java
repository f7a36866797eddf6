package org.powerconnect.cluster;

import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.powerconnect.connection.Department;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server killed with SIGKILL (a power cut, an OOM kill) in the middle of its work, and started again on the same
 * database: nothing it acknowledged is lost, no timer is lost, and no breach or mail is lost or doubled.
 * The server runs as a child JVM ({@link ServerProcess}); mails go to a real SMTP server (GreenMail) in this JVM,
 * which outlives the server. Time is moved by setting the timers' due dates to now in the database, and the test
 * waits for the results by polling, bounded.
 */
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class ServerKillTest {

    private static final Logger log = LoggerFactory.getLogger(ServerKillTest.class);
    /** One clerk submits (so that a submission is nearly always in flight at the kill), three complete tasks. */
    private static final int SUBMITTING_CLERKS = 1;
    private static final int COMPLETING_CLERKS = 3;
    /** Acknowledged submissions (and completed tasks) before the kill: applications at every stage. */
    private static final int ACKNOWLEDGED_BEFORE_KILL = 30;
    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final Set<String> SETTLED = Set.of("SENT", "LOGGED", "NO_RECIPIENT");

    private static ClusterDatabase database;
    private static JdbcTemplate jdbc;
    private static GreenMail smtp;
    private static ServerProcess server;
    private static NodeApi api;

    @BeforeAll
    static void startServer() {
        database = ClusterDatabase.recreate("powerconnect_kill");
        jdbc = database.jdbc();
        int smtpPort = ServerProcess.freePort();
        smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        Map<String, String> settings = new LinkedHashMap<>();
        // a dead server's locked jobs are taken over after this time; production waits 2 minutes
        settings.put("camunda.bpm.job-execution.lock-time-in-millis", "10000");
        settings.put("camunda.bpm.job-execution.wait-time-in-millis", "200");
        settings.put("camunda.bpm.job-execution.max-wait", "1000");
        settings.put("spring.mail.host", "127.0.0.1");
        settings.put("spring.mail.port", Integer.toString(smtpPort));
        for (Department department : Department.values()) {
            settings.put("powerconnect.mail.departments." + department.key(), department.key() + "@cluster.test");
        }
        server = new ServerProcess("kill-node", database.url(), database.user(), settings);
        api = new NodeApi(server);
        server.start();
        api.createDepartmentUsers();
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
        if (smtp != null) {
            smtp.stop();
        }
    }

    @Test
    void shouldKeepAcknowledgedApplicationsTimersBreachesAndMailsExactlyOnceThroughSigkill() throws Exception {
        // given: a service-window clerk submits forms, and department clerks work the applications, until the server
        // is killed under them
        Map<String, String> acknowledged = new ConcurrentHashMap<>(); // Idempotency-Key -> application number
        List<String> workable = new CopyOnWriteArrayList<>();
        Map<String, Clerks.Submission> unanswered = new ConcurrentHashMap<>();
        AtomicInteger completions = new AtomicInteger();
        AtomicBoolean working = new AtomicBoolean(true);
        AtomicInteger forms = new AtomicInteger();
        ExecutorService clerks = Executors.newFixedThreadPool(SUBMITTING_CLERKS + COMPLETING_CLERKS);
        List<Future<?>> work = new ArrayList<>();
        for (int i = 0; i < SUBMITTING_CLERKS; i++) {
            work.add(clerks.submit(() -> submitUntilTheServerDies(acknowledged, workable, unanswered, working, forms)));
        }
        for (int i = 0; i < COMPLETING_CLERKS; i++) {
            int desk = i;
            work.add(clerks.submit(() -> completeUntilTheServerDies(desk, workable, completions, working)));
        }
        awaitTrue("acknowledged submissions and completed tasks", () -> acknowledged.size() >= ACKNOWLEDGED_BEFORE_KILL
                && completions.get() >= ACKNOWLEDGED_BEFORE_KILL || work.stream().anyMatch(Future::isDone));

        // when: SIGKILL in the middle of it
        int exit = server.kill();
        working.set(false);
        clerks.shutdown();
        for (Future<?> clerk : work) {
            clerk.get(60, TimeUnit.SECONDS); // a clerk's failed assertion fails the test here
        }
        assertThat(exit).as("exit status of a JVM ended by SIGKILL (128 + 9)").isEqualTo(137);
        int acknowledgedBeforeKill = acknowledged.size();
        int inDatabaseAtKill = database.count("select count(*) from application");
        log.info("Killed with {} submissions acknowledged, {} without an answer, {} tasks completed; {} applications"
                + " in the database", acknowledgedBeforeKill, unanswered.size(), completions.get(), inDatabaseAtKill);

        server.start();
        // the service window sends every form whose answer it did not get once more, with the same key
        int replayed = 0;
        for (Clerks.Submission again : unanswered.values()) {
            NodeApi.Reply reply = Clerks.submit(api, again);
            assertThat(reply.status()).as("%s", reply).isEqualTo(201);
            if (reply.header("Idempotent-Replayed").filter("true"::equals).isPresent()) {
                replayed++; // committed before the kill, its answer lost with the server
            }
            acknowledged.put(again.idempotencyKey(), reply.body().path("applicationNo").asText());
        }
        log.info("After the restart: {} unanswered submissions sent again, {} of them had been committed", unanswered.size(),
                replayed);

        // then: every application the service window was told about exists once, and nothing else
        assertThat(jdbc.queryForList("select application_no from application", String.class))
                .containsExactlyInAnyOrderElementsOf(new HashSet<>(acknowledged.values()));
        assertThat(acknowledged.values()).doesNotHaveDuplicates();
        assertThat(inDatabaseAtKill).isBetween(acknowledgedBeforeKill, acknowledged.size());
        // and every open stage still has its timer, due when its clock says
        Map<String, List<Instant>> runningClocks = runningClocksByApplication();
        assertThat(runningClocks).as("applications with running clocks").isNotEmpty();
        assertThat(timersByApplication()).as("timer jobs' due dates per application").isEqualTo(runningClocks);

        // when: time moves to every running clock's due date, and the server is killed while the timers fire
        List<Long> dueClocks = jdbc.queryForList("select id from sla_clock where outcome = 'RUNNING' order by id",
                Long.class);
        int movedTimers = jdbc.update("update act_ru_job set duedate_ = ? where type_ = 'timer'",
                Timestamp.from(Instant.now().minusSeconds(1)));
        assertThat(movedTimers).isEqualTo(dueClocks.size()).isPositive();
        Instant firstBreachDeadline = Instant.now().plus(PATIENCE);
        while (database.count("select count(*) from sla_breach") == 0) { // polled closely, to kill while the others fire
            assertThat(Instant.now()).as("waiting for the first breach").isBefore(firstBreachDeadline);
            Thread.sleep(5);
        }
        assertThat(server.kill()).isEqualTo(137);
        int breachesAtKill = database.count("select count(*) from sla_breach");
        int mailsPendingAtKill = database.count("select count(*) from mail_outbox where status = 'PENDING'");
        int jobsLockedAtKill = database.count("select count(*) from act_ru_job where lock_owner_ is not null");
        log.info("Killed again while {} timers were due: {} breaches recorded, {} mails pending, {} jobs locked",
                dueClocks.size(), breachesAtKill, mailsPendingAtKill, jobsLockedAtKill);
        server.start();

        // then: each due clock has exactly one breach, and each mail was sent once and settled
        awaitTrue("every due timer fired and every mail settled", () ->
                database.count("select count(*) from sla_breach") >= dueClocks.size()
                        && database.count("select count(*) from mail_outbox where status not in ('SENT', 'LOGGED', 'NO_RECIPIENT')") == 0
                        && database.count("select count(*) from act_ru_job where type_ = 'timer'") == 0);
        assertThat(jdbc.queryForList("select clock_id from sla_breach order by clock_id", Long.class))
                .as("one breach per due clock").isEqualTo(dueClocks);
        for (Long clock : dueClocks) {
            assertThat(database.count("select count(*) from mail_outbox where event_key = 'sla-breach:" + clock + "'"))
                    .as("breach mails of clock %d", clock).isEqualTo(1);
        }
        assertMailsOnceAndSettled(acknowledged);

        // and every application goes on to power-on
        ExecutorService drivers = Executors.newFixedThreadPool(COMPLETING_CLERKS);
        try {
            List<Future<?>> drives = new ArrayList<>();
            for (String applicationNo : new HashSet<>(acknowledged.values())) {
                drives.add(drivers.submit(() -> Clerks.driveToPowerOn(api, applicationNo, PATIENCE)));
            }
            for (Future<?> drive : drives) {
                drive.get(PATIENCE.toSeconds() * 2, TimeUnit.SECONDS);
            }
        } finally {
            drivers.shutdownNow();
        }
        assertThat(jdbc.queryForList("select distinct status from application", String.class)).containsExactly("POWERED_ON");
        awaitTrue("the last mails settled",
                () -> database.count("select count(*) from mail_outbox where status not in ('SENT', 'LOGGED', 'NO_RECIPIENT')") == 0);
        assertMailsOnceAndSettled(acknowledged);
        assertThat(database.count("select count(*) from act_ru_incident")).as("incidents").isZero();
        log.info("{} applications powered on; {} breaches; {} mails sent, {} SMTP deliveries (one per recipient)",
                acknowledged.size(), database.count("select count(*) from sla_breach"),
                database.count("select count(*) from mail_outbox"), smtp.getReceivedMessages().length);
    }

    /** A service-window clerk: submits one form after the other, until the server dies. */
    private static void submitUntilTheServerDies(Map<String, String> acknowledged, List<String> workable,
            Map<String, Clerks.Submission> unanswered, AtomicBoolean working, AtomicInteger forms) {
        while (working.get()) {
            Clerks.Submission submission = Clerks.newSubmission(forms.incrementAndGet());
            NodeApi.Reply reply;
            try {
                reply = Clerks.submit(api, submission);
            } catch (UncheckedIOException serverGone) {
                unanswered.put(submission.idempotencyKey(), submission);
                return;
            }
            assertThat(reply.status()).as("%s", reply).isEqualTo(201);
            String applicationNo = reply.body().path("applicationNo").asText();
            acknowledged.put(submission.idempotencyKey(), applicationNo);
            workable.add(applicationNo);
        }
    }

    /**
     * A department clerk: completes an open task of an application after the other, until the server dies. Each
     * clerk has applications of its own (every third one), so that two never race for one task.
     */
    private static void completeUntilTheServerDies(int desk, List<String> workable, AtomicInteger completions,
            AtomicBoolean working) {
        while (working.get()) {
            List<String> mine = new ArrayList<>();
            for (int i = desk; i < workable.size(); i += COMPLETING_CLERKS) {
                mine.add(workable.get(i));
            }
            if (mine.isEmpty()) {
                ServerProcess.sleepBriefly();
                continue;
            }
            try {
                Clerks.completeOneTask(api, mine.get(ThreadLocalRandom.current().nextInt(mine.size())))
                        .ifPresent(stage -> completions.incrementAndGet());
            } catch (UncheckedIOException serverGone) {
                return;
            }
        }
    }

    /**
     * Every mail owed exists once (by its event key) and was settled; every mail the SMTP server received is one of
     * them, by its Message-ID; and no mail is about an application the service window was never told about.
     */
    private static void assertMailsOnceAndSettled(Map<String, String> acknowledged) throws MessagingException {
        assertThat(database.count("select count(*) - count(distinct event_key) from mail_outbox")).isZero();
        assertThat(jdbc.queryForList("select distinct status from mail_outbox", String.class)).isSubsetOf(SETTLED);
        assertThat(jdbc.queryForList("select distinct application_no from mail_outbox", String.class))
                .isSubsetOf(acknowledged.values());
        Set<String> sent = new HashSet<>(jdbc.queryForList(
                "select message_id from mail_outbox where status = 'SENT'", String.class));
        Map<String, Integer> copies = new HashMap<>(); // Message-ID -> copies received, one per recipient
        Map<String, Integer> recipients = new HashMap<>();
        Set<String> received = new HashSet<>();
        for (MimeMessage mail : smtp.getReceivedMessages()) {
            received.add(mail.getMessageID());
            copies.merge(mail.getMessageID(), 1, Integer::sum);
            recipients.put(mail.getMessageID(), mail.getAllRecipients().length);
        }
        assertThat(received).as("Message-IDs received by the SMTP server").isEqualTo(sent);
        long twice = copies.entrySet().stream().filter(mail -> mail.getValue() > recipients.get(mail.getKey())).count();
        log.info("{} mails sent, {} distinct Message-IDs received; {} delivered more than once (a kill between the SMTP"
                + " server's acceptance and the outbox's record: same Message-ID, so one message to mail clients)",
                sent.size(), received.size(), twice);
    }

    private static Map<String, List<Instant>> runningClocksByApplication() {
        Map<String, List<Instant>> clocks = new TreeMap<>();
        jdbc.query("select application_no, due_at from sla_clock where outcome = 'RUNNING'", row -> {
            clocks.computeIfAbsent(row.getString(1), no -> new ArrayList<>())
                    .add(row.getObject(2, OffsetDateTime.class).toInstant());
        });
        clocks.values().forEach(list -> list.sort(null));
        return clocks;
    }

    private static Map<String, List<Instant>> timersByApplication() {
        Map<String, List<Instant>> timers = new TreeMap<>();
        jdbc.query("""
                select e.business_key_, j.duedate_ from act_ru_job j join act_ru_execution e on e.id_ = j.process_instance_id_
                 where j.type_ = 'timer'
                """, row -> {
            timers.computeIfAbsent(row.getString(1), no -> new ArrayList<>()).add(row.getTimestamp(2).toInstant());
        });
        timers.values().forEach(list -> list.sort(null));
        return timers;
    }

    private static void awaitTrue(String what, BooleanSupplier condition) {
        ServerProcess.awaitTrue(what, PATIENCE, server.log().getParent(), condition);
    }
}
