package org.powerconnect.sla;

import java.time.Instant;
import java.util.List;

import org.powerconnect.connection.Department;
import org.powerconnect.connection.Stage;

/**
 * A pause of some of an application's clocks.
 *
 * @param clocks the clocks it holds, with the working days it moved each one once it ended
 */
public record SlaPause(long id, String applicationNo, PauseReason reason, String comment, String startedBy,
        Instant startedAt, String endedBy, Instant endedAt, List<HeldClock> clocks) {

    public boolean isRunning() {
        return endedAt == null;
    }

    /** @param workingDays how far the pause moved the clock's due date; null while it runs */
    public record HeldClock(long clockId, Stage stage, Department department, Integer workingDays) {
    }
}
