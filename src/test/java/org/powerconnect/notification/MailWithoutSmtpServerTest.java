package org.powerconnect.notification;

import java.util.List;

import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.powerconnect.EngineTestSupport;
import org.powerconnect.connection.ApplicationKind;
import org.powerconnect.connection.CustomerType;
import org.powerconnect.connection.Department;
import org.powerconnect.connection.VoltageClass;
import org.powerconnect.intake.Application;
import org.powerconnect.intake.Applications;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** The test profile, like the default one, has no SMTP server: the server runs, and mails go to the log. */
@ExtendWith(OutputCaptureExtension.class)
class MailWithoutSmtpServerTest extends EngineTestSupport {

    @Autowired
    private MailOutbox outbox;

    @Test
    void withoutAnSmtpServerEveryMailIsWrittenToTheLogAndCountsAsHandled(CapturedOutput output) {
        at("2026-11-09T10:00");
        Application application = applications.submit(new Applications.NewApplication("Log Ltd", "13800138000",
                "1 Test Road, Yancheng", VoltageClass.HIGH_VOLTAGE, 80, ApplicationKind.NEW_CONNECTION,
                CustomerType.NON_RESIDENTIAL, "log@example.com", null), Department.GRID_SERVICE_WINDOW.key());
        complete(application, "UserTask_AcceptApplication", done());

        List<String> jobIds = jdbc.queryForList("""
                select j.id_ from act_ru_job j join mail_outbox m on j.handler_cfg_ = cast(m.id as varchar(20))
                 where m.application_no = ?
                """, String.class, application.applicationNo());
        assertThat(jobIds).hasSize(6);
        jobIds.forEach(management::executeJob);

        assertThat(outbox.findByApplication(application.applicationNo())).hasSize(6)
                .allSatisfy(mail -> assertThat(mail.status()).isEqualTo(OutboxMail.Status.LOGGED));
        assertThat(output.getOut()).contains("To: log@example.com",
                "Subject: 您的用电报装申请已受理（" + application.applicationNo() + "）",
                "To: planning@test.powerconnect.example",
                "Subject: 【新待办】" + application.applicationNo() + " 现场勘察意见");
        assertThat(management.createJobQuery().jobIds(java.util.Set.copyOf(jobIds)).list()).extracting(Job::getId).isEmpty();
    }
}
