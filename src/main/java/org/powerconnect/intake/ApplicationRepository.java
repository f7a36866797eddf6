package org.powerconnect.intake;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

import org.powerconnect.connection.ApplicationKind;
import org.powerconnect.connection.CustomerType;
import org.powerconnect.connection.Language;
import org.powerconnect.connection.VoltageClass;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class ApplicationRepository {

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private final JdbcTemplate jdbc;

    ApplicationRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A readable number that is unique across server nodes: "YC", the office date, and a database-issued
     * serial, e.g. YC-20261203-000042.
     */
    String nextApplicationNo(Instant now, LocalDate officeDate) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            var statement = connection.prepareStatement("insert into application_number (issued_at) values (?)",
                    new String[] {"id"});
            statement.setObject(1, now.atOffset(ZoneOffset.UTC));
            return statement;
        }, keys);
        return "YC-%s-%06d".formatted(DAY.format(officeDate), keys.getKey().longValue());
    }

    void insert(Application application) {
        jdbc.update("""
                insert into application (application_no, applicant_name, contact_phone, address, voltage_class,
                    capacity_kva, kind, customer_type, status, submitted_at, submitted_by, email, mail_language, access_code)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, application.applicationNo(), application.applicantName(), application.contactPhone(),
                application.address(), application.voltageClass().name(), application.capacityKva(),
                application.kind().name(), application.customerType().name(), application.status().name(),
                application.submittedAt().atOffset(ZoneOffset.UTC), application.submittedBy(), application.email(),
                application.language().key(), application.accessCode());
    }

    Optional<Application> find(String applicationNo) {
        return jdbc.query("select * from application where application_no = ?", this::map, applicationNo)
                .stream().findFirst();
    }

    void finish(String applicationNo, ApplicationStatus status, Instant at) {
        jdbc.update("update application set status = ?, finished_at = ? where application_no = ?",
                status.name(), at.atOffset(ZoneOffset.UTC), applicationNo);
    }

    private Application map(ResultSet rs, int row) throws SQLException {
        OffsetDateTime finishedAt = rs.getObject("finished_at", OffsetDateTime.class);
        return new Application(
                rs.getString("application_no"),
                rs.getString("applicant_name"),
                rs.getString("contact_phone"),
                rs.getString("address"),
                VoltageClass.valueOf(rs.getString("voltage_class")),
                rs.getInt("capacity_kva"),
                ApplicationKind.valueOf(rs.getString("kind")),
                CustomerType.valueOf(rs.getString("customer_type")),
                ApplicationStatus.valueOf(rs.getString("status")),
                rs.getObject("submitted_at", OffsetDateTime.class).toInstant(),
                rs.getString("submitted_by"),
                finishedAt == null ? null : finishedAt.toInstant(),
                rs.getString("email"),
                Language.ofKey(rs.getString("mail_language")).orElseThrow(),
                rs.getString("access_code"));
    }
}
