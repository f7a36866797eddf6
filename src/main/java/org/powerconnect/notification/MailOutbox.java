package org.powerconnect.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.powerconnect.connection.Department;
import org.powerconnect.connection.Stage;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

@Repository
class MailOutbox {

    private final JdbcTemplate jdbc;

    MailOutbox(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** @return the new row's id; empty when a mail for this event is already queued */
    Optional<Long> queue(OutboxMail.New mail) {
        int inserted = jdbc.update("""
                insert into mail_outbox (event_key, kind, application_no, stage, department, task_id, task_name,
                    due_at, detail, occurred_at, status)
                select ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING'
                 where not exists (select 1 from mail_outbox where event_key = ?)
                """, mail.eventKey(), mail.kind().key(), mail.applicationNo(), key(mail.stage()), key(mail.department()),
                mail.taskId(), mail.taskName(), utc(mail.dueAt()), mail.detail(), utc(mail.occurredAt()),
                mail.eventKey());
        if (inserted == 0) {
            return Optional.empty();
        }
        return Optional.of(jdbc.queryForObject("select id from mail_outbox where event_key = ?", Long.class,
                mail.eventKey()));
    }

    Optional<OutboxMail> find(long id) {
        return jdbc.query("select * from mail_outbox where id = ?", this::map, id).stream().findFirst();
    }

    List<OutboxMail> findByApplication(String applicationNo) {
        return jdbc.query("select * from mail_outbox where application_no = ? order by id", this::map, applicationNo);
    }

    /**
     * Settles a mail in a transaction of its own, committed before the delivery job's: should the job's
     * transaction fail after the SMTP server took the mail, the job's retry finds it settled and sends nothing.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void settle(long id, OutboxMail.Status status, String recipients, String messageId, Instant at) {
        jdbc.update("""
                update mail_outbox set status = ?, attempts = attempts + 1, recipients = ?, message_id = ?,
                    finished_at = ?, last_error = null
                 where id = ?
                """, status.name(), recipients, messageId, utc(at), id);
    }

    /** Counts a failed attempt in a transaction of its own: the job's transaction rolls back with the failure. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordFailedAttempt(long id, String error) {
        jdbc.update("update mail_outbox set attempts = attempts + 1, last_error = ? where id = ?", truncate(error), id);
    }

    void markFailed(long id, String error, Instant at) {
        jdbc.update("update mail_outbox set status = 'FAILED', last_error = ?, finished_at = ? where id = ?",
                truncate(error), utc(at), id);
    }

    private OutboxMail map(ResultSet rs, int row) throws SQLException {
        return new OutboxMail(
                rs.getLong("id"),
                rs.getString("event_key"),
                NotificationKind.ofKey(rs.getString("kind")).orElseThrow(),
                rs.getString("application_no"),
                rs.getString("stage") == null ? null : Stage.ofKey(rs.getString("stage")).orElseThrow(),
                rs.getString("department") == null ? null : Department.ofKey(rs.getString("department")).orElseThrow(),
                rs.getString("task_id"),
                rs.getString("task_name"),
                instant(rs, "due_at"),
                rs.getString("detail"),
                instant(rs, "occurred_at"),
                OutboxMail.Status.valueOf(rs.getString("status")),
                rs.getInt("attempts"));
    }

    private static String key(Object keyed) {
        return keyed == null ? null : keyed.toString();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static String truncate(String error) {
        String text = error == null ? "unknown error" : error;
        return text.length() <= 1000 ? text : text.substring(0, 997) + "...";
    }
}
