package org.powerconnect.notification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.powerconnect.EngineTestSupport;
import org.powerconnect.connection.ApplicationKind;
import org.powerconnect.connection.CustomerType;
import org.powerconnect.connection.Department;
import org.powerconnect.connection.ExternalLineWork;
import org.powerconnect.connection.Language;
import org.powerconnect.connection.Stage;
import org.powerconnect.connection.VoltageClass;
import org.powerconnect.intake.Application;
import org.powerconnect.intake.Applications;
import org.powerconnect.permits.PermitDecision.Decision;
import org.powerconnect.sla.SlaWarnings;
import org.powerconnect.worklist.StageOutcome;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Mails through a real SMTP server (GreenMail), with the engine clock moved as in the process tests. Mail jobs
 * run when the test runs them, as the job executor would: after the transaction of the event that owes them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.mail.host=127.0.0.1",
        "powerconnect.mail.base-url=https://powerconnect.yancheng.example",
        // an engine of its own name, so closing this context leaves the other tests' "default" engine registered
        "camunda.bpm.process-engine-name=mail"})
@DirtiesContext
class MailNotificationTest extends EngineTestSupport {

    private static final int SMTP_PORT = freePort();
    private static GreenMail smtp;

    @Autowired
    private MailOutbox outbox;
    @Autowired
    private MailJobs mailJobs;
    @Autowired
    private SlaWarnings warnings;
    @Autowired
    private MeterRegistry meters;
    @Autowired
    private TestRestTemplate browser;

    @DynamicPropertySource
    static void smtpPort(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    @BeforeAll
    static void startSmtp() {
        smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    @AfterAll
    static void stopSmtp() {
        smtp.stop();
    }

    /** A test that took the SMTP server down brings it back for the next. */
    @AfterEach
    void smtpBackUp() {
        if (!smtp.isRunning()) {
            smtpComesBack();
        }
    }

    @Test
    void aBureauHearsOfItsNewTaskInChineseWithItsDueDateTheWorkingDaysLeftAndALinkToIt() throws Exception {
        at("2026-11-09T10:00"); // a Monday
        Application application = submit("王先生", "wang@example.com", null);
        complete(application, "UserTask_AcceptApplication", done());
        deliverMails(application);

        String taskId = task(application, "UserTask_GiveSurveyOpinionPlanning").taskId();
        MimeMessage mail = onlyMail(application, "task-assigned:" + taskId);
        assertThat(addresses(mail.getRecipients(Message.RecipientType.TO))).containsExactly("planning@test.powerconnect.example");
        assertThat(mail.getRecipients(Message.RecipientType.CC)).isNull();
        assertThat(mail.getFrom()[0].toString()).contains("no-reply@powerconnect.example");
        assertThat(mail.getSubject()).isEqualTo("【新待办】" + application.applicationNo() + " 现场勘察意见");
        assertThat(mail.getContentLanguage()).containsExactly("zh");
        String text = text(mail);
        // 5 working days from Monday 9 November: Tue 10 … Fri 13, Mon 16
        assertThat(text).contains("市规划局：", "申请编号: " + application.applicationNo(), "申请人: 王先生",
                "办理环节: 现场勘察意见", "办理单位: 市规划局", "到期时间: 2026-11-16 17:00（北京时间）",
                "时限: 还剩 5 个工作日",
                "https://powerconnect.yancheng.example/camunda/app/tasklist/default/#/?task=" + taskId);
        assertThat(html(mail)).contains("<html lang=\"zh\">", "<td>2026-11-16 17:00（北京时间）</td>",
                "<a href=\"https://powerconnect.yancheng.example/camunda/app/tasklist/default/#/?task=" + taskId + "\">");

        // the applicant's overall limit of 70 working days ends in 2027, whose holidays are not published yet
        MimeMessage accepted = onlyMail(application, "application-accepted:" + application.applicationNo());
        Instant overallDue = clocks.running(application.applicationNo(), Stage.OVERALL).orElseThrow().dueAt();
        assertThat(overallDue.atZone(SHANGHAI).getYear()).isEqualTo(2027);
        assertThat(text(accepted)).contains("接电时限: " + java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                .format(overallDue.atZone(SHANGHAI)) + "（北京时间；该年节假日尚未公布，为暂定日期）");

        // every department whose task the acceptance created heard of it, once; the applicant heard it was accepted
        assertThat(mailsOf(application)).extracting(this::eventOf).containsExactlyInAnyOrder(
                "task-assigned:" + outboxTaskOf(application, Stage.ACCEPTANCE, Department.GRID_SERVICE_WINDOW),
                "task-assigned:" + task(application, "UserTask_ReplySupplyPlan").taskId(),
                "task-assigned:" + taskId,
                "task-assigned:" + task(application, "UserTask_GiveSurveyOpinionConstruction").taskId(),
                "task-assigned:" + task(application, "UserTask_GiveSurveyOpinionForestry").taskId(),
                "application-accepted:" + application.applicationNo());
    }

    @Test
    void anApplicantWhoWritesInEnglishHearsOfAcceptancePlanAndPowerOnWithTheirNameEscapedInHtml() throws Exception {
        at("2026-11-09T10:00");
        String name = "Li <b>&</b> \"Sons\"";
        Application application = submit(name, "li.sons@example.com", Language.EN, VoltageClass.LOW_VOLTAGE);
        complete(application, "UserTask_AcceptApplication", done());
        deliverMails(application);

        MimeMessage accepted = onlyMail(application, "application-accepted:" + application.applicationNo());
        assertThat(addresses(accepted.getAllRecipients())).containsExactly("li.sons@example.com");
        assertThat(accepted.getSubject())
                .isEqualTo("Your power connection application has been accepted (" + application.applicationNo() + ")");
        // low voltage, before the plan decides the external line: the longest limit, 20 working days
        assertThat(text(accepted)).contains("Dear " + name + ",", "Applicant: " + name,
                "Power on by: 2026-12-07 17:00 (Beijing time, UTC+8)", "Time limit: 20 working days left");
        String progressLink = "https://powerconnect.yancheng.example/progress.html?no=" + application.applicationNo()
                + "&code=" + application.accessCode();
        assertThat(text(accepted)).contains("Access code: " + application.accessCode(),
                "Follow the progress: " + progressLink);
        assertThat(html(accepted)).contains("<html lang=\"en\">", "Li &lt;b&gt;&amp;&lt;/b&gt; &quot;Sons&quot;",
                "<a href=\"" + progressLink.replace("&", "&amp;") + "\">").doesNotContain("<b>&</b>");

        giveSurveyOpinions(application);
        at("2026-11-10T10:00");
        complete(application, "UserTask_ReplySupplyPlan",
                new StageOutcome.SupplyPlanReply(ExternalLineWork.NONE, List.of(), "typical plan"));
        deliverMails(application);
        MimeMessage plan = onlyMail(application, "supply-plan-ready:" + application.applicationNo() + ":0");
        // no external line: 3 working days from acceptance, Thursday 12 November
        assertThat(text(plan)).contains("External line: no external line", "Permits needed: none",
                "Power on by: 2026-11-12 17:00 (Beijing time, UTC+8)", "Time limit: 2 working days left");

        at("2026-11-11T15:00");
        complete(application, "UserTask_PowerOn", done());
        deliverMails(application);
        MimeMessage powerOn = onlyMail(application, "power-on:" + application.applicationNo());
        assertThat(powerOn.getSubject()).isEqualTo("Your power is on (" + application.applicationNo() + ")");
        assertThat(text(powerOn)).contains("Power on: 2026-11-11 15:00 (Beijing time, UTC+8)",
                "Time taken: 2 working days from acceptance (limit 3 working days)");
        // the applicant hears of the application, not of each department's tasks
        assertThat(mailsOf(application)).filteredOn(mail -> addresses(recipients(mail)).contains("li.sons@example.com"))
                .hasSize(3);
    }

    @Test
    void anApplicantWithoutAnAddressGetsNoMailAndNothingIsQueuedForThem() {
        at("2026-11-09T10:00");
        Application application = submit("No Mail Ltd", null, null);
        complete(application, "UserTask_AcceptApplication", done());

        assertThat(outbox.findByApplication(application.applicationNo())).extracting(OutboxMail::kind)
                .doesNotContain(NotificationKind.APPLICATION_ACCEPTED).contains(NotificationKind.TASK_ASSIGNED);
    }

    @Test
    void aBreachReachesTheDepartmentWithTheSupervisorsInCopyAndCountsTheWorkingDaysOverdueWhenSent() throws Exception {
        at("2026-11-09T10:00");
        Application application = submit("Breach Ltd", null, null);
        deliverMails(application);
        at("2026-11-09T17:00");
        management.executeJob(timer(application, "BoundaryEvent_AcceptanceOverdue").getId());

        at("2026-11-10T09:00"); // sent the next morning: one working day overdue by then
        deliverMails(application);
        MimeMessage breach = onlyMail(application, "sla-breach:" + runningClock(application, "UserTask_AcceptApplication").id());
        assertThat(addresses(breach.getRecipients(Message.RecipientType.TO))).containsExactly("window@test.powerconnect.example");
        assertThat(addresses(breach.getRecipients(Message.RecipientType.CC)))
                .containsExactly("supervisors@test.powerconnect.example", "chief@test.powerconnect.example");
        assertThat(breach.getSubject()).isEqualTo("【已超期】" + application.applicationNo() + " 受理");
        assertThat(text(breach)).contains("到期时间: 2026-11-09 17:00（北京时间）", "时限: 已超期 1 个工作日",
                "/camunda/app/tasklist/default/#/?task=" + task(application, "UserTask_AcceptApplication").taskId());
    }

    @Test
    void anOverallBreachGoesToTheSupervisorsWithALinkToTheApplicationsTimeline() throws Exception {
        at("2026-11-09T10:00");
        Application application = submit("Overall Ltd", null, null, VoltageClass.LOW_VOLTAGE);
        complete(application, "UserTask_AcceptApplication", done());
        at("2026-12-07T17:00"); // 20 working days after acceptance
        management.executeJob(timer(application, "BoundaryEvent_ConnectionOverdue").getId());
        deliverMails(application);

        MimeMessage breach = mailsOf(application).stream().filter(mail -> eventOf(mail).startsWith("sla-breach:"))
                .findFirst().orElseThrow();
        assertThat(addresses(breach.getRecipients(Message.RecipientType.TO)))
                .containsExactly("supervisors@test.powerconnect.example", "chief@test.powerconnect.example");
        assertThat(breach.getRecipients(Message.RecipientType.CC)).isNull();
        assertThat(breach.getSubject()).isEqualTo("【整体超期】" + application.applicationNo());
        assertThat(text(breach)).contains("办理环节: 从受理到接电", "时限: 已超期（今天到期）",
                "https://powerconnect.yancheng.example/api/applications/" + application.applicationNo() + "/timeline");
    }

    @Test
    void aWarningReachesTheDepartmentOnTheMorningOfTheDueDay() throws Exception {
        at("2026-11-09T10:00");
        Application application = submit("Warning Ltd", null, null);
        complete(application, "UserTask_AcceptApplication", done());
        deliverMails(application);

        at("2026-11-16T08:00"); // the survey opinions are due at 17:00 today
        warnings.recordDue(ClockUtil.getCurrentTime().toInstant());
        deliverMails(application);

        List<MimeMessage> warned = mailsOf(application).stream()
                .filter(mail -> eventOf(mail).startsWith("sla-warning:")).toList();
        assertThat(warned).extracting(mail -> addresses(to(mail)).get(0))
                .containsExactlyInAnyOrder("planning@test.powerconnect.example",
                        "construction@test.powerconnect.example", "forestry@test.powerconnect.example");
        MimeMessage planning = warned.stream().filter(mail -> subject(mail).contains("现场勘察意见")
                && text(mail).contains("市规划局")).findFirst().orElseThrow();
        assertThat(planning.getSubject()).isEqualTo("【即将超期】" + application.applicationNo() + " 现场勘察意见");
        assertThat(text(planning)).contains("时限: 今天到期",
                "?task=" + task(application, "UserTask_GiveSurveyOpinionPlanning").taskId());
    }

    @Test
    void duringAnSmtpOutageDecisionsAndTimersCommitAndAfterwardsEveryPendingMailArrivesOnce() throws Exception {
        at("2026-11-09T10:00");
        Application application = submit("Outage Ltd", "outage@example.com", null);
        complete(application, "UserTask_AcceptApplication", done());
        giveSurveyOpinions(application);
        complete(application, "UserTask_ReplySupplyPlan", new StageOutcome.SupplyPlanReply(
                ExternalLineWork.WITHOUT_EXCAVATION, List.of(Stage.PLANNING_PERMIT), null));
        deliverMails(application);

        at("2026-11-13T09:00"); // Friday
        Application late = submit("Late Ltd", null, null);
        smtp.stop();
        at("2026-11-13T16:00");
        complete(application, "UserTask_IssuePlanningPermit", new StageOutcome.PermitOutcome(Decision.APPROVED, null));
        at("2026-11-13T17:00");
        management.executeJob(timer(late, "BoundaryEvent_AcceptanceOverdue").getId());
        assertThat(attemptMails(application)).as("failed delivery attempts").isPositive();
        assertThat(attemptMails(late)).isPositive();

        // the server stays healthy: mails wait, work goes on
        assertThat(browser.getForEntity("/actuator/health", String.class).getStatusCode().is2xxSuccessful()).isTrue();
        // the bureau's decision and the breach committed although no mail went out
        assertThat(openTaskActivities(application)).containsExactly("UserTask_BuildExternalLine");
        assertThat(clocks.breachesOf(late.applicationNo())).hasSize(1);
        assertThat(outbox.findByApplication(application.applicationNo())).filteredOn(m -> m.status() == OutboxMail.Status.PENDING)
                .isNotEmpty().allSatisfy(m -> assertThat(m.attempts()).isEqualTo(1));
        Instant firstRetry = shanghai("2026-11-13T17:01");
        assertThat(mailJobsOf(application)).allSatisfy(job -> {
            assertThat(job.getRetries()).isEqualTo(5);
            assertThat(job.getDuedate().toInstant()).isEqualTo(firstRetry);
            assertThat(job.getExceptionMessage()).isNotBlank();
        });

        smtpComesBack();
        at("2026-11-16T09:00"); // Monday
        deliverMails(application);
        deliverMails(late);
        List<MimeMessage> afterOutage = mailsOf(application); // the server that came back got only these
        assertThat(afterOutage).extracting(this::eventOf).containsExactlyInAnyOrder(
                "task-assigned:" + task(application, "UserTask_BuildExternalLine").taskId());
        MimeMessage breach = onlyMail(late, "sla-breach:" + runningClock(late, "UserTask_AcceptApplication").id());
        assertThat(text(breach)).contains("时限: 已超期 1 个工作日");
        assertThat(outbox.findByApplication(application.applicationNo()))
                .allSatisfy(m -> assertThat(m.status()).isEqualTo(OutboxMail.Status.SENT));

        // a delivery job run again for a mail that went out (as after a crash before its job was deleted)
        // sends nothing
        OutboxMail sent = outbox.findByApplication(late.applicationNo()).get(0);
        int sentSoFar = smtp.getReceivedMessages().length;
        mailJobs.schedule(sent.id());
        deliverMails(late);
        assertThat(smtp.getReceivedMessages()).hasSize(sentSoFar);
        assertThat(mailJobsOf(late)).isEmpty();
    }

    @Test
    void aMailThatFailsEveryAttemptBacksOffThenBecomesAnIncidentInCockpitAndIsSentWhenRetriedByHand() throws Exception {
        at("2026-11-09T10:00");
        smtp.stop();
        Application application = submit("Give Up Ltd", null, null);
        double undeliverableBefore = meters.counter("powerconnect.mail.undeliverable", "kind", "task-assigned").count();
        double failuresBefore = meters.counter("powerconnect.mail.failures", "kind", "task-assigned").count();

        List<Instant> attempts = new ArrayList<>();
        Job job = mailJobsOf(application).get(0);
        String jobId = job.getId();
        for (int attempt = 1; attempt <= 6; attempt++) {
            attempts.add(ClockUtil.getCurrentTime().toInstant());
            assertThatThrownBy(() -> management.executeJob(jobId)).as("attempt %d", attempt).isNotNull();
            job = management.createJobQuery().jobId(jobId).singleResult();
            if (attempt < 6) {
                assertThat(job.getExceptionMessage()).contains("Mail server connection failed");
                ClockUtil.setCurrentTime(job.getDuedate());
            }
        }
        // back-off: 1 min, 5 min, 30 min, 2 h, 6 h between the six attempts
        assertThat(attempts).containsExactly(shanghai("2026-11-09T10:00"), shanghai("2026-11-09T10:01"),
                shanghai("2026-11-09T10:06"), shanghai("2026-11-09T10:36"), shanghai("2026-11-09T12:36"),
                shanghai("2026-11-09T18:36"));
        OutboxMail failed = outbox.findByApplication(application.applicationNo()).get(0);
        assertThat(failed.status()).isEqualTo(OutboxMail.Status.FAILED);
        assertThat(failed.attempts()).isEqualTo(6);
        assertThat(meters.counter("powerconnect.mail.undeliverable", "kind", "task-assigned").count())
                .isEqualTo(undeliverableBefore + 1);

        // the mail moved to an instance of "Undeliverable mail", whose one more attempt fails into an incident
        assertThat(job).as("the exhausted delivery job").isNull();
        ProcessInstance handedOver = undeliverable(failed);
        Job deliverJob = management.createJobQuery().processInstanceId(handedOver.getId()).singleResult();
        assertThatThrownBy(() -> management.executeJob(deliverJob.getId())).isNotNull();
        assertThat(runtime.createIncidentQuery().processInstanceId(handedOver.getId()).list()).singleElement()
                .satisfies(incident -> {
                    assertThat(incident.getIncidentType()).isEqualTo("failedJob");
                    assertThat(incident.getActivityId()).isEqualTo("ServiceTask_DeliverMail");
                    assertThat(incident.getIncidentMessage()).contains("Mail server connection failed");
                });
        assertThat(meters.counter("powerconnect.mail.failures", "kind", "task-assigned").count())
                .isEqualTo(failuresBefore + 7);
        assertThat(mailsOf(application)).isEmpty();

        // an operator retries the incident in Cockpit once the server is back: the mail goes out, once
        smtpComesBack();
        management.setJobRetries(deliverJob.getId(), 1);
        management.executeJob(deliverJob.getId());
        assertThat(mailsOf(application)).hasSize(1);
        assertThat(outbox.findByApplication(application.applicationNo()).get(0).status()).isEqualTo(OutboxMail.Status.SENT);
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(handedOver.getId()).count()).isZero();
        assertThat(runtime.createIncidentQuery().processInstanceId(handedOver.getId()).count()).isZero();
    }

    @Test
    void aRecipientTheServerRefusesDoesNotKeepTheMailFromTheOthersAndIsNotRetried() {
        at("2026-11-09T10:00");
        Application application = submit("Stale Address Ltd", null, null);
        deliverMails(application);
        smtp.stop();
        try (RefusingSmtpServer refusing = new RefusingSmtpServer(SMTP_PORT, Set.of("chief@test.powerconnect.example"))) {
            at("2026-11-09T17:00");
            management.executeJob(timer(application, "BoundaryEvent_AcceptanceOverdue").getId());
            deliverMails(application);

            assertThat(refusing.delivered()).containsExactly(
                    List.of("window@test.powerconnect.example", "supervisors@test.powerconnect.example"));
            OutboxMail breach = outbox.findByApplication(application.applicationNo()).stream()
                    .filter(mail -> mail.kind() == NotificationKind.SLA_BREACH).findFirst().orElseThrow();
            assertThat(breach.status()).isEqualTo(OutboxMail.Status.SENT);
            assertThat(jdbc.queryForObject("select recipients from mail_outbox where id = ?", String.class, breach.id()))
                    .contains("refused: chief@test.powerconnect.example");
            assertThat(mailJobsOf(application)).as("nothing left to retry").isEmpty();
        }
    }

    @Test
    void anApplicantAddressTheServerRefusesForGoodGoesToCockpitAtOnceInsteadOfRetryingForHours() {
        at("2026-11-09T10:00");
        Application application = submit("Gone Ltd", "owner-gone@example.cn", null);
        smtp.stop();
        try (RefusingSmtpServer refusing = new RefusingSmtpServer(SMTP_PORT, Set.of("owner-gone@example.cn"))) {
            complete(application, "UserTask_AcceptApplication", done());
            attemptMails(application);

            OutboxMail accepted = outbox.findByApplication(application.applicationNo()).stream()
                    .filter(mail -> mail.kind() == NotificationKind.APPLICATION_ACCEPTED).findFirst().orElseThrow();
            assertThat(accepted.status()).isEqualTo(OutboxMail.Status.FAILED);
            assertThat(accepted.attempts()).isEqualTo(1);
            assertThat(undeliverable(accepted).getBusinessKey()).isEqualTo(accepted.eventKey());
            assertThat(refusing.delivered()).allSatisfy(recipients ->
                    assertThat(recipients).doesNotContain("owner-gone@example.cn"));
        }
    }

    private ProcessInstance undeliverable(OutboxMail mail) {
        return runtime.createProcessInstanceQuery().processDefinitionKey("MailDelivery")
                .processInstanceBusinessKey(mail.eventKey()).singleResult();
    }

    private Application submit(String applicantName, String email, Language language) {
        return submit(applicantName, email, language, VoltageClass.HIGH_VOLTAGE);
    }

    private Application submit(String applicantName, String email, Language language, VoltageClass voltageClass) {
        return applications.submit(new Applications.NewApplication(applicantName, "13800138000", "1 Test Road, Yancheng",
                voltageClass, 80, ApplicationKind.NEW_CONNECTION, CustomerType.NON_RESIDENTIAL, email, language),
                Department.GRID_SERVICE_WINDOW.key());
    }

    /** Runs the due mail jobs of an application, as the job executor would. */
    private void deliverMails(Application application) {
        mailJobsOf(application).stream().filter(this::isDue).forEach(job -> management.executeJob(job.getId()));
    }

    /** Runs the due mail jobs of an application while the SMTP server is down; returns how many failed. */
    private int attemptMails(Application application) {
        int failed = 0;
        for (Job job : mailJobsOf(application).stream().filter(this::isDue).toList()) {
            try {
                management.executeJob(job.getId());
            } catch (RuntimeException expected) {
                failed++;
            }
        }
        return failed;
    }

    private boolean isDue(Job job) {
        return job.getRetries() > 0 && (job.getDuedate() == null || !job.getDuedate().after(ClockUtil.getCurrentTime()));
    }

    private List<Job> mailJobsOf(Application application) {
        Set<String> ids = Set.copyOf(jdbc.queryForList("""
                select j.id_ from act_ru_job j join mail_outbox m on j.handler_cfg_ = cast(m.id as varchar(20))
                 where j.handler_type_ = 'powerconnect-mail' and m.application_no = ?
                """, String.class, application.applicationNo()));
        return ids.isEmpty() ? List.of()
                : management.createJobQuery().jobIds(ids).list();
    }

    private String outboxTaskOf(Application application, Stage stage, Department department) {
        return outbox.findByApplication(application.applicationNo()).stream()
                .filter(m -> m.kind() == NotificationKind.TASK_ASSIGNED && m.stage() == stage && m.department() == department)
                .findFirst().orElseThrow().taskId();
    }

    private List<String> openTaskActivities(Application application) {
        return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(application.applicationNo()).list()
                .stream().map(task -> task.getTaskDefinitionKey()).toList();
    }

    private List<MimeMessage> mailsOf(Application application) {
        return Arrays.stream(smtp.getReceivedMessages())
                .filter(mail -> subject(mail).contains(application.applicationNo()))
                .toList();
    }

    private MimeMessage onlyMail(Application application, String eventKey) {
        List<MimeMessage> matching = mailsOf(application).stream().filter(mail -> eventKey.equals(eventOf(mail))).toList();
        // the SMTP server keeps one copy per recipient: one message, each recipient once
        assertThat(matching).as("mails for %s", eventKey).isNotEmpty()
                .extracting(MailNotificationTest::messageId).containsOnly(messageId(matching.get(0)));
        assertThat(matching).hasSize(recipients(matching.get(0)).length);
        return matching.get(0);
    }

    private String eventOf(MimeMessage mail) {
        try {
            return mail.getHeader("X-PowerConnect-Event", null);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String messageId(MimeMessage mail) {
        try {
            return mail.getMessageID();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Address[] to(MimeMessage mail) {
        try {
            return mail.getRecipients(Message.RecipientType.TO);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Address[] recipients(MimeMessage mail) {
        try {
            return mail.getAllRecipients();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> addresses(Address[] addresses) {
        return addresses == null ? List.of() : Arrays.stream(addresses).map(Address::toString).collect(Collectors.toList());
    }

    private static String text(MimeMessage mail) {
        return part(mail, "text/plain");
    }

    private static String html(MimeMessage mail) {
        return part(mail, "text/html");
    }

    private static String part(Part part, String type) {
        try {
            if (part.isMimeType(type)) {
                return (String) part.getContent();
            }
            if (part.isMimeType("multipart/*")) {
                Multipart multipart = (Multipart) part.getContent();
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart body = multipart.getBodyPart(i);
                    String found = part(body, type);
                    if (found != null) {
                        return found;
                    }
                }
            }
            return null;
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void smtpComesBack() {
        smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
