package org.powerconnect.connection;

/** Supply voltage of the connection; the limits of DOMAIN.md depend on it. */
public enum VoltageClass {
    /** 400/220 V. */
    LOW_VOLTAGE,
    /** 10/20 kV. */
    HIGH_VOLTAGE,
    /** 35 kV and above, handled "by reference" to the high-voltage rules unless configured otherwise. */
    EXTRA_HIGH_VOLTAGE
}
