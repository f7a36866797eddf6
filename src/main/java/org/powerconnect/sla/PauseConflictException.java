package org.powerconnect.sla;

/** A pause that cannot start or end in the application's current state. */
public class PauseConflictException extends RuntimeException {

    public PauseConflictException(String message) {
        super(message);
    }
}
