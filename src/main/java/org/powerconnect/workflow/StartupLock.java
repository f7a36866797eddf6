package org.powerconnect.workflow;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Lets one node at a time start on a shared PostgreSQL database. Each start creates or updates Camunda's schema,
 * creates the first administrator, deploys the models and writes the department groups, the Tasklist filter and
 * the authorizations; none of that is safe against a second node doing the same at the same moment (two nodes
 * started together on an empty database: one fails creating Camunda's tables, or a group that the other just
 * wrote). A session-level advisory lock, taken before the engine touches its schema and given back once the node
 * is ready, makes the second node wait for the first. Should a node die while starting, PostgreSQL ends its
 * session and with it the lock. Flyway serializes its migrations with a lock of its own. The embedded H2 database
 * serves one node only and needs none of this.
 */
@Component
class StartupLock extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(StartupLock.class);
    /** Any number that other applications on the same database do not use: "PowerCon" in ASCII. */
    private static final long LOCK_KEY = 0x506f776572436f6eL;

    private final DataSource dataSource;
    private volatile Connection held;

    StartupLock(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        try {
            Connection connection = dataSource.getConnection();
            if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
                connection.close();
                return;
            }
            connection.setAutoCommit(true);
            try (Statement statement = connection.createStatement()) {
                var tried = statement.executeQuery("select pg_try_advisory_lock(" + LOCK_KEY + ")");
                tried.next();
                if (!tried.getBoolean(1)) {
                    log.info("Another node is starting on this database; waiting until it is ready");
                    statement.execute("select pg_advisory_lock(" + LOCK_KEY + ")");
                }
            }
            held = connection;
        } catch (SQLException e) {
            throw new IllegalStateException("could not take the start-up lock on the database: " + e.getMessage(), e);
        }
    }

    @EventListener({ApplicationReadyEvent.class, ApplicationFailedEvent.class, ContextClosedEvent.class})
    synchronized void release() {
        if (held == null) {
            return;
        }
        // the connection goes back to the pool, where its session lives on: unlock explicitly
        try (Connection connection = held; Statement statement = connection.createStatement()) {
            statement.execute("select pg_advisory_unlock(" + LOCK_KEY + ")");
        } catch (SQLException e) {
            log.warn("Could not give back the start-up lock; it ends with the database session", e);
        } finally {
            held = null;
        }
    }
}
