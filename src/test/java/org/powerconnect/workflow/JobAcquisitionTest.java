package org.powerconnect.workflow;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.ProcessEngineImpl;
import org.camunda.bpm.engine.impl.cmd.AcquireJobsCmd;
import org.camunda.bpm.engine.impl.jobexecutor.AcquiredJobs;
import org.camunda.bpm.engine.runtime.Job;
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
 * The job executor's acquisition, Camunda's own command, reads {@code ACT_RU_JOB} through the indexes of
 * {@link JobAcquisition} when the table holds many waiting timers, instead of reading the whole table each time.
 * Each case runs in one transaction that is rolled back: it clones 20 000 timers, counts the scans of the job table
 * the acquisition makes (PostgreSQL's statistics of the current transaction) and leaves nothing behind.
 */
class JobAcquisitionTest extends EngineTestSupport {

    private static final int WAITING_TIMERS = 20_000;

    @Autowired
    private PlatformTransactionManager transactions;

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

    private Scans inRolledBackTransaction(java.util.function.Supplier<Scans> work) {
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
        var configuration = ((ProcessEngineImpl) engine).getProcessEngineConfiguration();
        AcquiredJobs acquired = configuration.getCommandExecutorTxRequired()
                .execute(new AcquireJobsCmd(configuration.getJobExecutor()));
        Map<String, Object> after = scansOfJobTable();
        return new Scans(delta(before, after, "seq_scan"), delta(before, after, "idx_scan"),
                acquired.getJobIdBatches().stream().flatMap(List::stream).toList());
    }

    private Map<String, Object> scansOfJobTable() {
        return jdbc.queryForMap("select seq_scan, idx_scan from pg_stat_xact_user_tables where relname = 'act_ru_job'");
    }

    private static long delta(Map<String, Object> before, Map<String, Object> after, String column) {
        return ((Number) after.get(column)).longValue() - ((Number) before.get(column)).longValue();
    }
}
