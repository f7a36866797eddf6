/**
 * The only module that knows the process engine: it starts the connection process, wires the SLA clocks to
 * its activities and timers, implements the departments' worklists on Camunda tasks, and connects the
 * engine's identity service to the API's security. Keeping {@code org.camunda} imports here keeps a move to
 * another Camunda 7 compatible engine cheap.
 */
package org.powerconnect.workflow;
