package org.powerconnect.workflow;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

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
import org.powerconnect.intake.Application;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The job executor acquires jobs by due date through indexes (see {@link JobAcquisition}). Every job has a due
 * date, and one without (queued by an older build, or its due date removed by an administrator) is given one, or
 * the executor would never run it. Among 20 000 waiting timers an acquisition reads the job table through the
 * indexes, not whole: those cases run in one transaction that is rolled back, clone the timers, and count the scans
 * of the job table the acquisition makes (PostgreSQL's statistics of the current transaction).
 * The acquisitions here are the executor's own command, run with the engine clock.
 */
class JobAcquisitionTest extends EngineTestSupport {

    private static final int WAITING_TIMERS = 20_000;

    @Autowired
    private JobAcquisition jobAcquisition;
    @Autowired
    private PlatformTransactionManager transactions;

    @AfterEach
    void unlockTheJobsAcquiredHere() {
        // the executor of these tests is off: nobody else would run or unlock them before the lock expires
        jdbc.update("update act_ru_job set lock_owner_ = null, lock_exp_time_ = null where lock_owner_ = ?",
                jobExecutor().getLockOwner());
    }

    @Test
    void shouldDateAQueuedMailAtTheMomentItWasQueuedAndAcquireItThen() {
        List<String> queued = mailJobsOfASubmissionAt("2026-09-24T10:00");

        assertThat(queued).as("mails of a submission").isNotEmpty();
        assertThat(queued).allSatisfy(id -> assertThat(job(id).getDuedate().toInstant())
                .isEqualTo(shanghai("2026-09-24T10:00")));
        assertThat(acquire()).containsAll(queued);
    }

    @Test
    void shouldGiveAMailQueuedWithoutDueDateByAnOlderBuildOneAtStartUpSoThatTheExecutorRunsIt() {
        List<String> queued = mailJobsOfASubmissionAt("2026-09-24T10:00");
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
        String mail = mailJobsOfASubmissionAt("2026-09-24T10:00").stream().findFirst().orElseThrow();
        management.setJobDuedate(mail, null); // what PUT /engine-rest/job/{id}/duedate with null does

        at("2026-09-24T10:05");
        assertThat(acquire()).as("the job without a due date").doesNotContain(mail);

        jobAcquisition.dateUndatedJobs(); // each node, once a minute
        assertThat(job(mail).getDuedate().toInstant()).isEqualTo(shanghai("2026-09-24T10:05"));
        assertThat(acquire()).contains(mail);
    }

    @Test
    void shouldFindNothingDueAmongTwentyThousandWaitingTimersWithoutReadingTheJobTable() {
        Scans scans = inRolledBackTransaction(() -> {
            cloneTimers(WAITING_TIMERS, "2030-01-01 09:00");
            return acquisitionAt("2018-01-01T10:00");
        });

        assertThat(scans.sequential()).as("full scans of ACT_RU_JOB").isZero();
        assertThat(scans.index()).as("index scans of ACT_RU_JOB").isPositive();
    }

    @Test
    void shouldTakeDueTimersFromABacklogWithoutReadingTheJobTable() {
        Scans scans = inRolledBackTransaction(() -> {
            cloneTimers(WAITING_TIMERS, "2030-01-01 09:00");
            cloneTimers(2_000, "2018-01-01 09:00"); // a backlog: due an hour before the acquisition
            return acquisitionAt("2018-01-01T10:00");
        });

        assertThat(scans.acquired()).as("jobs acquired").isNotEmpty();
        assertThat(scans.sequential()).as("full scans of ACT_RU_JOB").isZero();
    }

    @Test
    void shouldReadTheWholeJobTableWithoutTheIndexes() { // what the two tests above guard against
        Scans scans = inRolledBackTransaction(() -> {
            jdbc.execute("drop index pc_idx_job_duedate");
            jdbc.execute("drop index pc_idx_job_lock_exp");
            cloneTimers(WAITING_TIMERS, "2030-01-01 09:00");
            return acquisitionAt("2018-01-01T10:00");
        });

        assertThat(scans.sequential()).as("full scans of ACT_RU_JOB").isPositive();
    }

    /** What one acquisition read and took. */
    private record Scans(long sequential, long index, List<String> acquired) {
    }

    private Scans inRolledBackTransaction(Supplier<Scans> work) {
        return new TransactionTemplate(transactions).execute(status -> {
            status.setRollbackOnly();
            return work.get();
        });
    }

    /**
     * Copies of one SLA timer of a fresh application, due at a Shanghai local time; then fresh planner statistics,
     * as autovacuum would gather them on a table that grew like this.
     */
    private void cloneTimers(int count, String dueShanghai) {
        at("2026-09-24T10:00");
        Application application = submit(VoltageClass.LOW_VOLTAGE, 20, CustomerType.NON_RESIDENTIAL);
        Job timer = timer(application, "BoundaryEvent_AcceptanceOverdue");
        jdbc.update("""
                insert into act_ru_job
                select * from jsonb_populate_recordset(null::act_ru_job, (
                    select jsonb_agg(to_jsonb(j) || jsonb_build_object('id_', j.id_ || '-clone-' || n,
                            'duedate_', (?::timestamp at time zone 'Asia/Shanghai')))
                      from act_ru_job j, generate_series(1, ?) n
                     where j.id_ = ?))
                """, dueShanghai, count, timer.getId());
        jdbc.execute("analyze act_ru_job");
    }

    /** One acquisition by the engine's own command at a Shanghai local time, in the surrounding transaction. */
    private Scans acquisitionAt(String shanghaiDateTime) {
        at(shanghaiDateTime);
        Map<String, Object> before = scansOfJobTable();
        List<String> acquired = run(new AcquireJobsCmd(jobExecutor())); // as many as the executor takes at once
        Map<String, Object> after = scansOfJobTable();
        return new Scans(delta(before, after, "seq_scan"), delta(before, after, "idx_scan"), acquired);
    }

    private Map<String, Object> scansOfJobTable() {
        return jdbc.queryForMap("select seq_scan, idx_scan from pg_stat_xact_user_tables where relname = 'act_ru_job'");
    }

    private static long delta(Map<String, Object> before, Map<String, Object> after, String column) {
        return ((Number) after.get(column)).longValue() - ((Number) before.get(column)).longValue();
    }

    /** The mail jobs that a submission at a Shanghai local time queued (the database holds other tests' too). */
    private List<String> mailJobsOfASubmissionAt(String shanghaiDateTime) {
        Set<String> before = Set.copyOf(mailJobIds());
        at(shanghaiDateTime);
        submit(VoltageClass.LOW_VOLTAGE, 20, CustomerType.NON_RESIDENTIAL);
        return mailJobIds().stream().filter(id -> !before.contains(id)).toList();
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
        return run(new AcquireJobsCmd(jobExecutor(), 100_000));
    }

    /** The ids of the jobs an acquisition command locked, run in the surrounding transaction if there is one. */
    private List<String> run(AcquireJobsCmd acquisition) {
        AcquiredJobs acquired = configuration().getCommandExecutorTxRequired().execute(acquisition);
        return acquired.getJobIdBatches().stream().flatMap(List::stream).toList();
    }

    private JobExecutor jobExecutor() {
        return configuration().getJobExecutor();
    }

    private ProcessEngineConfigurationImpl configuration() {
        return ((ProcessEngineImpl) engine).getProcessEngineConfiguration();
    }
}
