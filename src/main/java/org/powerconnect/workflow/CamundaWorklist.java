package org.powerconnect.workflow;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.powerconnect.connection.Department;
import org.powerconnect.connection.Stage;
import org.powerconnect.connection.VoltageClass;
import org.powerconnect.permits.PermitDecision;
import org.powerconnect.permits.PermitDecisions;
import org.powerconnect.sla.SlaClocks;
import org.powerconnect.supplyplan.PermitKeys;
import org.powerconnect.supplyplan.SupplyPlan;
import org.powerconnect.supplyplan.SupplyPlans;
import org.powerconnect.worklist.StageOutcome;
import org.powerconnect.worklist.StageTask;
import org.powerconnect.worklist.Worklist;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The departments' worklists on Camunda user tasks. */
@Component
class CamundaWorklist implements Worklist {

    private final TaskService tasks;
    private final RuntimeService runtime;
    private final HistoryService history;
    private final IdentityService identity;
    private final SupplyPlans supplyPlans;
    private final PermitDecisions permitDecisions;
    private final SlaClocks clocks;
    private final StageDefinitions stages;
    private final JdbcTemplate jdbc;

    CamundaWorklist(TaskService tasks, RuntimeService runtime, HistoryService history, IdentityService identity,
            SupplyPlans supplyPlans, PermitDecisions permitDecisions, SlaClocks clocks, StageDefinitions stages,
            JdbcTemplate jdbc) {
        this.tasks = tasks;
        this.runtime = runtime;
        this.history = history;
        this.identity = identity;
        this.supplyPlans = supplyPlans;
        this.permitDecisions = permitDecisions;
        this.clocks = clocks;
        this.stages = stages;
        this.jdbc = jdbc;
    }

    /*
     * The two reads behind every step of a clerk (which task is this, what is open now) go to the engine's tables
     * in one plain query each: through the engine they were a task query and a process-instance query, a fifth
     * of a completion's server time (BENCHMARKS.md). The rows are the engine's own; dates are read as the engine
     * writes them, as timestamps in the JVM's zone.
     */
    private static final String OPEN_TASKS = """
            select t.id_, t.proc_def_id_, t.task_def_key_, t.name_, t.create_time_, t.due_date_, p.business_key_
              from act_ru_task t join act_ru_execution p on p.id_ = t.proc_inst_id_
            """;

    @Override
    public List<StageTask> openTasksOf(String applicationNo) {
        return jdbc.query(OPEN_TASKS + " where p.business_key_ = ? order by t.create_time_, t.id_",
                this::stageTask, applicationNo);
    }

    @Override
    public List<StageTask> openTasksFor(Department department, int firstResult, int maxResults) {
        List<Task> page = tasks.createTaskQuery().taskCandidateGroup(department.key()).includeAssignedTasks()
                .orderByDueDate().asc().orderByTaskCreateTime().asc().listPage(firstResult, maxResults);
        Map<String, String> applicationNos = applicationNos(page);
        return page.stream().map(task -> toStageTask(task, applicationNos.get(task.getProcessInstanceId()))).toList();
    }

    @Override
    public Optional<StageTask> openTask(String taskId) {
        return jdbc.query(OPEN_TASKS + " where t.id_ = ?", this::stageTask, taskId).stream().findFirst();
    }

    private StageTask stageTask(ResultSet row, int rowNumber) throws SQLException {
        StageDefinition stage = stages.of(row.getString("proc_def_id_"), row.getString("task_def_key_"));
        return new StageTask(row.getString("id_"), row.getString("business_key_"), stage.stage(), stage.department(),
                row.getString("name_"), instant(row.getTimestamp("create_time_")),
                instant(row.getTimestamp("due_date_")));
    }

    @Override
    public List<OpenWork> openWork(Instant now, Instant dueSoonBy) {
        Map<StageDefinition, long[]> counts = new LinkedHashMap<>();
        // the engine keeps due dates as timestamps in the JVM's zone, as JDBC writes and reads a Timestamp
        jdbc.query("""
                select proc_def_id_, task_def_key_, count(*) as open_tasks,
                       sum(case when due_date_ >= ? and due_date_ <= ? then 1 else 0 end) as due_soon,
                       sum(case when due_date_ < ? then 1 else 0 end) as overdue
                  from act_ru_task
                 where proc_def_id_ is not null and task_def_key_ is not null
                 group by proc_def_id_, task_def_key_
                """, rs -> {
            StageDefinition stage = stages.of(rs.getString("proc_def_id_"), rs.getString("task_def_key_"));
            long[] sums = counts.computeIfAbsent(stage, key -> new long[3]);
            sums[0] += rs.getLong("open_tasks");
            sums[1] += rs.getLong("due_soon");
            sums[2] += rs.getLong("overdue");
        }, Timestamp.from(now), Timestamp.from(dueSoonBy), Timestamp.from(now));
        return counts.entrySet().stream().map(entry -> new OpenWork(entry.getKey().department(),
                entry.getKey().stage(), entry.getValue()[0], entry.getValue()[1], entry.getValue()[2])).toList();
    }

    @Override
    public Set<StageOfDepartment> stagesOfDepartments() {
        return stages.ofLatestConnectionProcess().stream()
                .map(stage -> new StageOfDepartment(stage.stage(), stage.department()))
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    @Override
    public boolean wasCompleted(String taskId) {
        return history.createHistoricTaskInstanceQuery().taskId(taskId).finished().count() > 0;
    }

    @Override
    @Transactional
    public void complete(StageTask stageTask, StageOutcome outcome, String userId, Set<String> groups) {
        // Two people completing one task at the same moment: the second waits here until the first commits, then
        // finds the task gone (409). Without this lock their writes (outcome, variable, task) could interleave into
        // a database deadlock, answered 500.
        List<String> locked = jdbc.queryForList("select proc_inst_id_ from act_ru_task where id_ = ? for update",
                String.class, stageTask.taskId());
        if (locked.isEmpty()) {
            throw new TaskNoLongerOpenException(stageTask.taskId(), null);
        }
        String taskId = stageTask.taskId();
        String processInstanceId = locked.get(0);
        Instant now = StageClockBinding.now();
        Map<String, Object> variables = new HashMap<>();
        if (outcome instanceof StageOutcome.SupplyPlanReply reply) {
            SupplyPlan plan = supplyPlans.decide(stageTask.applicationNo(), reply.externalLineWork(),
                    reply.requiredPermits(), userId, now);
            variables.put(ConnectionProcess.VAR_EXTERNAL_LINE_WORK, plan.externalLineWork().name());
            variables.put(ConnectionProcess.VAR_REQUIRED_PERMITS, PermitKeys.join(plan.requiredPermits()));
            variables.put(ConnectionProcess.VAR_APPLICANT_CONFIRMATION, reply.applicantConfirmation());
            applyPlanToOverallLimit(processInstanceId, stageTask.applicationNo(), plan, now);
        } else if (outcome instanceof StageOutcome.PermitOutcome decision) {
            permitDecisions.record(new PermitDecision(stageTask.applicationNo(), stageTask.stage(),
                    decision.decision(), decision.comment(), userId, now));
        }
        // the engine checks the user with the groups: a department completes its own tasks (TASK_WORK)
        identity.setAuthentication(userId, List.copyOf(groups));
        try {
            if (outcome.comment() != null) {
                tasks.createComment(taskId, processInstanceId, outcome.comment());
            }
            StageOutcomeGuard.completingWithOutcome(taskId, () -> tasks.complete(taskId, variables));
        } catch (OptimisticLockingException e) {
            throw new TaskNoLongerOpenException(taskId, e);
        } catch (ProcessEngineException e) {
            identity.clearAuthentication(); // the check below must see every task, not only the user's
            if (tasks.createTaskQuery().taskId(taskId).count() == 0) {
                throw new TaskNoLongerOpenException(taskId, e);
            }
            throw e;
        } finally {
            identity.clearAuthentication();
        }
    }

    /**
     * The overall limit depends on the external-line work: once the plan decides it, the overall clock gets
     * the limit that fits (its timer and the power-on task's due date move with it).
     */
    private void applyPlanToOverallLimit(String processInstanceId, String applicationNo, SupplyPlan plan, Instant now) {
        clocks.running(applicationNo, Stage.OVERALL).ifPresent(overall -> clocks.rebase(overall,
                VoltageClass.valueOf((String) runtime.getVariable(processInstanceId, ConnectionProcess.VAR_VOLTAGE_CLASS)),
                plan.externalLineWork(), now));
    }

    private Map<String, String> applicationNos(List<Task> page) {
        Set<String> ids = page.stream().map(Task::getProcessInstanceId).collect(Collectors.toSet());
        if (ids.isEmpty()) {
            return Map.of();
        }
        return runtime.createProcessInstanceQuery().processInstanceIds(ids).list().stream()
                .collect(Collectors.toMap(ProcessInstance::getId, ProcessInstance::getBusinessKey, (a, b) -> a));
    }

    private StageTask toStageTask(Task task, String applicationNo) {
        StageDefinition stage = stages.of(task.getProcessDefinitionId(), task.getTaskDefinitionKey());
        return new StageTask(task.getId(), applicationNo, stage.stage(), stage.department(), task.getName(),
                instant(task.getCreateTime()), instant(task.getDueDate()));
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
