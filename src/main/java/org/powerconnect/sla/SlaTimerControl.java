package org.powerconnect.sla;

/**
 * The running timer of a clock, in whatever engine runs it: held while the clock is paused, and moved with
 * the task's due date when the clock's due time changes. The workflow module implements it.
 */
public interface SlaTimerControl {

    /** Stops the clock's timer from firing until {@link #moveTo} releases it. */
    void hold(SlaClock clock);

    /** Sets the clock's timer (released if held) and its task to the clock's current due time. */
    void moveTo(SlaClock clock);
}
