package org.powerconnect.workflow;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.powerconnect.connection.Stage;
import org.powerconnect.sla.SlaClocks;
import org.springframework.stereotype.Component;

/**
 * Gives every task its clock's due date, so Tasklist and the API show the same instant as the timer.
 * A stage without a limit of its own (power-on) is due when the whole application is.
 *
 * <p>It is the task definition's due-date expression (set by {@link SlaParseListener}), not a create listener:
 * the engine evaluates it before it writes the task, so the task and its history row are written once, with
 * their due date. A create listener changing the due date cost an update of both rows, and their reads, for
 * every task (see BENCHMARKS.md).
 */
@Component
class TaskDueDateExpression implements Expression {

    private final StageClockBinding binding;
    private final SlaClocks clocks;

    TaskDueDateExpression(StageClockBinding binding, SlaClocks clocks) {
        this.binding = binding;
        this.clocks = clocks;
    }

    /** The engine evaluates it with the execution that creates the task. */
    @Override
    public Object getValue(VariableScope scope) {
        DelegateExecution execution = (DelegateExecution) scope;
        return binding.startOrGet(execution)
                .or(() -> clocks.running(execution.getProcessBusinessKey(), Stage.OVERALL))
                .map(clock -> Date.from(clock.dueAt()))
                .orElse(null);
    }

    @Override
    public void setValue(Object value, VariableScope scope) {
        throw new UnsupportedOperationException("a task's due date comes from its SLA clock");
    }

    @Override
    public String getExpressionText() {
        return "the SLA clock's due date";
    }

    @Override
    public boolean isLiteralText() {
        return false;
    }
}
