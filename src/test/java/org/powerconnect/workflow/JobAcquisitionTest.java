package org.powerconnect.workflow;

import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.impl.ProcessEngineImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AcquireJobsCmd;
import org.camunda.bpm.engine.impl.jobexecutor.AcquiredJobs;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.powerconnect.EngineTestSupport;
import org.powerconnect.connection.CustomerType;
import org.powerconnect.connection.VoltageClass;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The job executor acquires jobs by due date through an index (see {@link JobAcquisition}): every job has a due
 * date, and one without (queued by an older build, or its due date removed by an administrator) is given one, or
 * the executor would never run it.
 * The acquisitions here are the executor's own query, run with the engine clock.
 */
class JobAcquisitionTest extends EngineTestSupport {

    @Autowired
    private JobAcquisition jobAcquisition;

    @AfterEach
    void unlockTheJobsAcquiredHere() {
        // the executor of these tests is off: nobody else would run or unlock them before the lock expires
        jdbc.update("update act_ru_job set lock_owner_ = null, lock_exp_time_ = null where lock_owner_ = ?",
                jobExecutor().getLockOwner());
    }

    @Test
    void shouldDateAQueuedMailAtTheMomentItWasQueuedAndAcquireItThen() {
        Set<String> before = Set.copyOf(mailJobIds());
        at("2026-09-24T10:00");
        submit(VoltageClass.LOW_VOLTAGE, 20, CustomerType.NON_RESIDENTIAL);
        List<String> queued = mailJobIds().stream().filter(id -> !before.contains(id)).toList();

        assertThat(queued).as("mails of a submission").isNotEmpty();
        assertThat(queued).allSatisfy(id -> assertThat(job(id).getDuedate().toInstant())
                .isEqualTo(shanghai("2026-09-24T10:00")));
        assertThat(acquire()).containsAll(queued);
    }

    @Test
    void shouldGiveAMailQueuedWithoutDueDateByAnOlderBuildOneAtStartUpSoThatTheExecutorRunsIt() {
        Set<String> before = Set.copyOf(mailJobIds());
        at("2026-09-24T10:00");
        submit(VoltageClass.LOW_VOLTAGE, 20, CustomerType.NON_RESIDENTIAL);
        List<String> queued = mailJobIds().stream().filter(id -> !before.contains(id)).toList();
        assertThat(queued).isNotEmpty();
        queued.forEach(id -> jdbc.update("update act_ru_job set duedate_ = null where id_ = ?", id));

        at("2026-09-24T10:05");
        assertThat(acquire()).as("jobs without a due date, before the start-up").doesNotContainAnyElementsOf(queued);

        jobAcquisition.postProcessEngineBuild(engine); // what a start of this build does
        assertThat(queued).allSatisfy(id -> assertThat(job(id).getDuedate().toInstant())
                .isEqualTo(shanghai("2026-09-24T10:05")));
        assertThat(acquire()).as("the same jobs after the start-up").containsAll(queued);
    }

    @Test
    void shouldRunAJobWhoseDueDateAnAdministratorRemovedWithinAMinuteAsCamundaWouldRunItAtOnce() {
        Set<String> before = Set.copyOf(mailJobIds());
        at("2026-09-24T10:00");
        submit(VoltageClass.LOW_VOLTAGE, 20, CustomerType.NON_RESIDENTIAL);
        String mail = mailJobIds().stream().filter(id -> !before.contains(id)).findFirst().orElseThrow();
        management.setJobDuedate(mail, null); // what PUT /engine-rest/job/{id}/duedate with null does

        at("2026-09-24T10:05");
        assertThat(acquire()).as("the job without a due date").doesNotContain(mail);

        jobAcquisition.dateUndatedJobs(); // each node, once a minute
        assertThat(job(mail).getDuedate().toInstant()).isEqualTo(shanghai("2026-09-24T10:05"));
        assertThat(acquire()).contains(mail);
    }

    @Test
    void shouldKeepAnIndexOnTheDueDateOfJobs() {
        List<String> indexes = jdbc.queryForList(
                "select indexdef from pg_indexes where tablename = 'act_ru_job'", String.class);
        assertThat(indexes).anySatisfy(index -> assertThat(index.toLowerCase()).endsWith("(duedate_)"));
    }

    /** Mail jobs belong to no process instance; the SLA timers and async continuations all do. */
    private List<String> mailJobIds() {
        return management.createJobQuery().messages().list().stream()
                .filter(job -> job.getProcessInstanceId() == null).map(Job::getId).toList();
    }

    private Job job(String id) {
        return management.createJobQuery().jobId(id).singleResult();
    }

    /** One acquisition, as the job executor runs it, large enough to take every job due at the engine clock. */
    private List<String> acquire() {
        ProcessEngineConfigurationImpl configuration = ((ProcessEngineImpl) engine).getProcessEngineConfiguration();
        AcquiredJobs acquired = configuration.getCommandExecutorTxRequired()
                .execute(new AcquireJobsCmd(jobExecutor(), 100_000));
        return acquired.getJobIdBatches().stream().flatMap(List::stream).toList();
    }

    private JobExecutor jobExecutor() {
        return ((ProcessEngineImpl) engine).getProcessEngineConfiguration().getJobExecutor();
    }
}
