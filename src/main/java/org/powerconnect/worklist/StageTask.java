package org.powerconnect.worklist;

import java.time.Instant;

import org.powerconnect.connection.Department;
import org.powerconnect.connection.Stage;

/** An open task of one stage of one application, waiting in its department's worklist. */
public record StageTask(String taskId, String applicationNo, Stage stage, Department department, String name,
        Instant createdAt, Instant dueAt) {
}
