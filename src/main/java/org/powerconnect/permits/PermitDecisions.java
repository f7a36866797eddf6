package org.powerconnect.permits;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.powerconnect.connection.Stage;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The permit decisions of the bureaus; a permit requested again after a revision gets a new decision. */
@Service
@Transactional
public class PermitDecisions {

    private final JdbcTemplate jdbc;

    PermitDecisions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void record(PermitDecision decision) {
        if (!decision.permit().isPermit()) {
            throw new IllegalArgumentException(decision.permit() + " is not a permit");
        }
        jdbc.update("""
                insert into permit_decision (application_no, permit, decision, comment, decided_by, decided_at)
                values (?, ?, ?, ?, ?, ?)
                """, decision.applicationNo(), decision.permit().key(), decision.decision().name(), decision.comment(),
                decision.decidedBy(), decision.decidedAt().atOffset(ZoneOffset.UTC));
    }

    /** The latest decision on a permit, which is the one that counts. */
    @Transactional(readOnly = true)
    public Optional<PermitDecision> latest(String applicationNo, Stage permit) {
        return jdbc.query("select * from permit_decision where application_no = ? and permit = ? order by id desc",
                (rs, i) -> map(rs), applicationNo, permit.key()).stream().findFirst();
    }

    @Transactional(readOnly = true)
    public List<PermitDecision> of(String applicationNo) {
        return jdbc.query("select * from permit_decision where application_no = ? order by id",
                (rs, i) -> map(rs), applicationNo);
    }

    private static PermitDecision map(ResultSet rs) throws SQLException {
        return new PermitDecision(rs.getString("application_no"), Stage.ofKey(rs.getString("permit")).orElseThrow(),
                PermitDecision.Decision.valueOf(rs.getString("decision")), rs.getString("comment"),
                rs.getString("decided_by"), rs.getObject("decided_at", OffsetDateTime.class).toInstant());
    }
}
