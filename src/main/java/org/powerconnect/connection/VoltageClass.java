package org.powerconnect.connection;

import java.util.OptionalInt;

/** Supply voltage of the connection; the limits of DOMAIN.md depend on it. */
public enum VoltageClass {
    /** 400/220 V. */
    LOW_VOLTAGE(20, 1, 500),
    /** 10/20 kV. */
    HIGH_VOLTAGE(70, 50, 40_000),
    /** 35 kV and above, handled "by reference" to the high-voltage rules unless configured otherwise. */
    EXTRA_HIGH_VOLTAGE(0, 1_000, 1_000_000);

    private final int averageTargetWorkingDays;
    private final int minCapacityKva;
    private final int maxCapacityKva;

    /**
     * The capacities are a plausibility check of what the window types in, a product decision (the source is
     * silent): a 400 V connection carries some hundreds of kVA at most, a 10 kV one starts at the smallest
     * distribution transformer and ends at what a few feeders carry, 35 kV and above starts at a substation.
     */
    VoltageClass(int averageTargetWorkingDays, int minCapacityKva, int maxCapacityKva) {
        this.averageTargetWorkingDays = averageTargetWorkingDays;
        this.minCapacityKva = minCapacityKva;
        this.maxCapacityKva = maxCapacityKva;
    }

    public int minCapacityKva() {
        return minCapacityKva;
    }

    public int maxCapacityKva() {
        return maxCapacityKva;
    }

    /**
     * The reform item's target for the average connection time of the class (non-residential users): 70 working
     * days for high voltage, 20 for low voltage; none for 35 kV and above.
     */
    public OptionalInt averageTargetWorkingDays() {
        return averageTargetWorkingDays > 0 ? OptionalInt.of(averageTargetWorkingDays) : OptionalInt.empty();
    }
}
