/**
 * Reports for the supervisors (工作小组办公室): how departments keep their time limits over a period, how the
 * average connection time of each voltage class compares with the 70/20 targets, and which running clocks
 * need attention now. Reads the SLA tables (read-only) and uses the sla, connection and web modules only.
 */
package org.powerconnect.reporting;
