package org.powerconnect.workflow;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Lets the job executor find the due jobs through indexes instead of reading every job it holds.
 * <p>
 * A city's open applications keep several running SLA timers each: hundreds of thousands of rows in
 * {@code ACT_RU_JOB}, nearly all due weeks ahead, and at each day's 17:00 cut-off tens of thousands fall due at
 * once. Camunda's acquisition query asks for jobs that are due (due date null or past), not locked and, for an
 * exclusive job, whose process instance has no exclusive job locked at this moment; Camunda's schema has no index
 * for either condition. With 279 000 timers every acquisition read the whole table (0.4–1.3 s, even with nothing
 * due) and breaches fired up to 107 s late (BENCHMARKS.md, scale runs). Here:
 * <ul>
 * <li>every job gets a due date (a message job: the moment it was created), which drops the "is null" from the
 * query, and jobs are acquired oldest due first: an index scan on {@code PC_IDX_JOB_DUEDATE} then stops after
 * the few jobs an acquisition takes, however large a backlog is (with the "is null" PostgreSQL reads the whole
 * backlog through a bitmap on every acquisition: 35 000 timers due at once drained at 114 a second, their last
 * breach 5 minutes late), and a backlog drains in the order its deadlines passed;</li>
 * <li>{@code PC_IDX_JOB_LOCK_EXP} on the lock expiry serves the exclusive-job check, "locked until after now",
 * which only the jobs running at this moment are: once many jobs are due PostgreSQL checks all candidates at once
 * and otherwise read the whole table for it (45 ms a time at 268 000 jobs).</li>
 * </ul>
 * A job without a due date would never be acquired. Jobs written by an older build may have none: they get "now"
 * at start-up (on PostgreSQL under the {@link StartupLock}, so one node does it at a time). An administrator may
 * also remove a job's due date through the engine API ({@code PUT /engine-rest/job/{id}/duedate} with null),
 * which to Camunda means "run it now": each node gives such jobs "now" once a minute
 * ({@code powerconnect.jobs.date-undated-every}). All nodes on one database must run this build (the README's
 * upgrade stops them all): an older one would write message jobs without a due date again.
 */
@Component
class JobAcquisition extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(JobAcquisition.class);

    private final DataSource dataSource;
    private String jobTable = "ACT_RU_JOB";

    JobAcquisition(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setEnsureJobDueDateNotNull(true);
        configuration.setJobExecutorAcquireByDueDate(true);
        String prefix = configuration.getDatabaseTablePrefix();
        jobTable = (prefix == null ? "" : prefix) + "ACT_RU_JOB";
    }

    /** After the engine has created or updated its schema, before the job executor starts. */
    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            try (Statement statement = connection.createStatement()) {
                statement.execute("create index if not exists PC_IDX_JOB_DUEDATE on " + jobTable + " (DUEDATE_)");
                statement.execute(
                        "create index if not exists PC_IDX_JOB_LOCK_EXP on " + jobTable + " (LOCK_EXP_TIME_)");
            }
            giveDueDatesToUndatedJobs(connection, "written by an older build");
        } catch (SQLException e) {
            throw new IllegalStateException("could not prepare " + jobTable + " for job acquisition by due date: "
                    + e.getMessage(), e);
        }
    }

    /**
     * Runs a job whose due date was removed one interval late at most (a minute), where Camunda would run it at
     * once.
     */
    @Scheduled(fixedDelayString = "${powerconnect.jobs.date-undated-every}",
            initialDelayString = "${powerconnect.jobs.date-undated-every}")
    void dateUndatedJobs() {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            giveDueDatesToUndatedJobs(connection, "removed through the engine API?");
        } catch (SQLException e) {
            log.warn("Could not date the jobs without a due date; trying again in a minute", e);
        }
    }

    private void giveDueDatesToUndatedJobs(Connection connection, String likelyCause) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                // a new revision, as the engine writes one: an engine command holding the job as it was fails on
                // optimistic locking instead of writing the missing due date back
                "update " + jobTable + " set DUEDATE_ = ?, REV_ = REV_ + 1 where DUEDATE_ is null")) {
            update.setTimestamp(1, new Timestamp(ClockUtil.getCurrentTime().getTime()));
            int dated = update.executeUpdate();
            if (dated > 0) {
                log.info("{} jobs without a due date ({}) are due now", dated, likelyCause);
            }
        }
    }
}
