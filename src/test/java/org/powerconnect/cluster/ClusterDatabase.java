package org.powerconnect.cluster;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * A database of the test's own on the PostgreSQL server the suite uses ({@code POWERCONNECT_TEST_DB_URL}, as
 * scripts/run-tests.sh sets it), dropped and created anew, and read by the test with plain SQL.
 */
final class ClusterDatabase {

    private final String url;
    private final String user;
    private final String password;
    private final JdbcTemplate jdbc;

    private ClusterDatabase(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.jdbc = new JdbcTemplate(new SimpleDriverDataSource(new org.postgresql.Driver(), url, user, password));
    }

    /** Drops and creates the database {@code name} next to the suite's test database. */
    static ClusterDatabase recreate(String name) {
        String testUrl = System.getenv().getOrDefault("POWERCONNECT_TEST_DB_URL",
                "jdbc:postgresql://127.0.0.1:5432/powerconnect_test");
        String user = System.getenv().getOrDefault("POWERCONNECT_TEST_DB_USER", "postgres");
        String password = System.getenv().getOrDefault("POWERCONNECT_TEST_DB_PASSWORD", "");
        String server = testUrl.substring(0, testUrl.lastIndexOf('/') + 1);
        try (Connection admin = DriverManager.getConnection(server + "postgres", user, password);
                Statement statement = admin.createStatement()) {
            statement.execute("drop database if exists " + name + " with (force)");
            statement.execute("create database " + name + " encoding 'UTF8'");
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name + " at " + server, e);
        }
        return new ClusterDatabase(server + name, user, password);
    }

    String url() {
        return url;
    }

    String user() {
        return user;
    }

    JdbcTemplate jdbc() {
        return jdbc;
    }

    /** The single number a {@code select count(*) ...} answers. */
    int count(String sql) {
        Integer count = jdbc.queryForObject(sql, Integer.class);
        return count == null ? 0 : count;
    }
}
