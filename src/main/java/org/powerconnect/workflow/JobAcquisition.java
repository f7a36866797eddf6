package org.powerconnect.workflow;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Two indexes on {@code ACT_RU_JOB} that let the job executor's acquisition query read only the jobs that concern
 * it, where Camunda's schema has none and PostgreSQL read the whole table on every acquisition.
 * <p>
 * A city's open applications keep several running SLA timers each: hundreds of thousands of jobs, nearly all due
 * weeks ahead. The acquisition query asks for jobs that are due (due date null or past), not locked, and, for an
 * exclusive job, whose process instance has no other exclusive job locked at this moment:
 * <ul>
 * <li>{@code PC_IDX_JOB_DUEDATE} on the due date: PostgreSQL answers "null or past" with two ranges of it. Without
 * it, 279 000 timers made every acquisition a full scan (0.4–1.3 s, even with nothing due), the executor spent its
 * time looking for work and breaches fired up to 107 s late (BENCHMARKS.md, scale runs).</li>
 * <li>{@code PC_IDX_JOB_LOCK_EXP} on the lock expiry: "locked at this moment" means locked until after now, which
 * only the jobs running right now are. Once many jobs are due, PostgreSQL checks all candidates against the locked
 * jobs at once and, without this index, read the whole table for that (45 ms a time at 268 000 jobs).</li>
 * </ul>
 * Both are created at start-up once the engine has created or updated its schema, before the job executor starts
 * (on PostgreSQL under the {@link StartupLock}, so one node at a time). Camunda's own scripts do not know them: an
 * engine upgrade leaves them be, and dropping them would cost speed only.
 */
@Component
class JobAcquisition extends AbstractProcessEnginePlugin {

    private final DataSource dataSource;
    private String jobTable = "ACT_RU_JOB";

    JobAcquisition(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        String prefix = configuration.getDatabaseTablePrefix();
        jobTable = (prefix == null ? "" : prefix) + "ACT_RU_JOB";
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(true);
            statement.execute("create index if not exists PC_IDX_JOB_DUEDATE on " + jobTable + " (DUEDATE_)");
            statement.execute("create index if not exists PC_IDX_JOB_LOCK_EXP on " + jobTable + " (LOCK_EXP_TIME_)");
        } catch (SQLException e) {
            throw new IllegalStateException("could not create the job acquisition indexes on " + jobTable + ": "
                    + e.getMessage(), e);
        }
    }
}
