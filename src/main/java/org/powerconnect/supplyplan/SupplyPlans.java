package org.powerconnect.supplyplan;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

import org.powerconnect.connection.ExternalLineWork;
import org.powerconnect.connection.Stage;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Keeps each application's supply plan and checks that a planner's decision is consistent. */
@Service
@Transactional
public class SupplyPlans {

    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;

    SupplyPlans(JdbcTemplate jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /** Records the decision table's proposal; a second proposal (after a revision) replaces the first. */
    public void propose(String applicationNo, TypicalPlanProposal proposal) {
        int updated = jdbc.update("""
                update supply_plan set typical_plan = ?, description = ?, proposed_external_line_work = ?, proposed_permits = ?
                 where application_no = ?
                """, proposal.typicalPlan(), proposal.description(), proposal.externalLineWork().name(),
                PermitKeys.join(proposal.permits()), applicationNo);
        if (updated == 0) {
            jdbc.update("""
                    insert into supply_plan (application_no, typical_plan, description, proposed_external_line_work,
                        proposed_permits, revision)
                    values (?, ?, ?, ?, ?, 0)
                    """, applicationNo, proposal.typicalPlan(), proposal.description(), proposal.externalLineWork().name(),
                    PermitKeys.join(proposal.permits()));
        }
    }

    /**
     * Records the planner's decision. Omitted fields take the proposal: no external-line work and no permits
     * means "as proposed"; permits may be omitted only when the external-line work is the proposed one.
     *
     * @throws InvalidSupplyPlanException when the plan contradicts itself (permits without external line,
     *                                    road excavation without the excavation permit, …)
     */
    public SupplyPlan decide(String applicationNo, ExternalLineWork externalLineWork, List<Stage> requiredPermits,
            String decidedBy, Instant decidedAt) {
        SupplyPlan current = find(applicationNo).orElseThrow(() -> new IllegalStateException(
                "application " + applicationNo + " has no proposed supply plan"));
        ExternalLineWork work = externalLineWork != null ? externalLineWork : current.proposedExternalLineWork();
        List<Stage> permits;
        if (requiredPermits != null) {
            permits = requiredPermits;
        } else if (work == current.proposedExternalLineWork()) {
            permits = current.proposedPermits();
        } else {
            throw new InvalidSupplyPlanException("requiredPermits",
                    "is required when externalLineWork (" + work + ") differs from the proposed plan ("
                            + current.proposedExternalLineWork() + ")");
        }
        check(work, permits);
        jdbc.update("""
                update supply_plan set external_line_work = ?, required_permits = ?, decided_by = ?, decided_at = ?,
                    revision = case when decided_at is null then 0 else revision + 1 end
                 where application_no = ?
                """, work.name(), PermitKeys.join(permits), decidedBy, decidedAt.atOffset(ZoneOffset.UTC), applicationNo);
        SupplyPlan decided = find(applicationNo).orElseThrow();
        events.publishEvent(new SupplyPlanDecided(decided));
        return decided;
    }

    private static void check(ExternalLineWork work, List<Stage> permits) {
        if (new LinkedHashSet<>(permits).size() != permits.size()) {
            throw new InvalidSupplyPlanException("requiredPermits", "lists a permit twice");
        }
        if (work == ExternalLineWork.NONE && !permits.isEmpty()) {
            throw new InvalidSupplyPlanException("requiredPermits",
                    "must be empty when externalLineWork is NONE: without external-line work no permit is requested");
        }
        boolean excavation = permits.contains(Stage.EXCAVATION_PERMIT);
        if (work == ExternalLineWork.WITH_EXCAVATION && !excavation) {
            throw new InvalidSupplyPlanException("requiredPermits",
                    "must include excavation-permit when externalLineWork is WITH_EXCAVATION");
        }
        if (work == ExternalLineWork.WITHOUT_EXCAVATION && excavation) {
            throw new InvalidSupplyPlanException("requiredPermits",
                    "must not include excavation-permit when externalLineWork is WITHOUT_EXCAVATION");
        }
    }

    @Transactional(readOnly = true)
    public Optional<SupplyPlan> find(String applicationNo) {
        return jdbc.query("select * from supply_plan where application_no = ?", this::map, applicationNo)
                .stream().findFirst();
    }

    private SupplyPlan map(ResultSet rs, int row) throws SQLException {
        String work = rs.getString("external_line_work");
        OffsetDateTime decidedAt = rs.getObject("decided_at", OffsetDateTime.class);
        return new SupplyPlan(
                rs.getString("application_no"),
                rs.getString("typical_plan"),
                rs.getString("description"),
                ExternalLineWork.valueOf(rs.getString("proposed_external_line_work")),
                PermitKeys.parse(rs.getString("proposed_permits")),
                work == null ? null : ExternalLineWork.valueOf(work),
                work == null ? null : PermitKeys.parse(rs.getString("required_permits")),
                rs.getString("decided_by"),
                decidedAt == null ? null : decidedAt.toInstant(),
                rs.getInt("revision"));
    }
}
