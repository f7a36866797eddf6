package org.powerconnect.sla;

import java.time.Instant;

import org.powerconnect.connection.Department;
import org.powerconnect.connection.Stage;

/** A clock that passed its due time: written once, when its timer fired or when it was completed late. */
public record SlaBreach(long clockId, String applicationNo, Stage stage, Department department, Instant dueAt,
        Instant firedAt) {
}
