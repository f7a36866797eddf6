/**
 * An application's timeline: every SLA clock with its start, limit, pauses, due-date moves, warning, breach and
 * end, and a plain-English explanation of each deadline that staff can read out to the applicant.
 */
package org.powerconnect.timeline;
