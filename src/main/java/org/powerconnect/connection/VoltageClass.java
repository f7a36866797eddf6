package org.powerconnect.connection;

import java.util.OptionalInt;

/** Supply voltage of the connection; the limits of DOMAIN.md depend on it. */
public enum VoltageClass {
    /** 400/220 V. */
    LOW_VOLTAGE(20),
    /** 10/20 kV. */
    HIGH_VOLTAGE(70),
    /** 35 kV and above, handled "by reference" to the high-voltage rules unless configured otherwise. */
    EXTRA_HIGH_VOLTAGE(0);

    private final int averageTargetWorkingDays;

    VoltageClass(int averageTargetWorkingDays) {
        this.averageTargetWorkingDays = averageTargetWorkingDays;
    }

    /**
     * The reform item's target for the average connection time of the class (non-residential users): 70 working
     * days for high voltage, 20 for low voltage; none for 35 kV and above.
     */
    public OptionalInt averageTargetWorkingDays() {
        return averageTargetWorkingDays > 0 ? OptionalInt.of(averageTargetWorkingDays) : OptionalInt.empty();
    }
}
