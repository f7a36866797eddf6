/**
 * The shared vocabulary of DOMAIN.md: voltage classes, external-line work, application kinds, customer
 * types, stages and departments. Every other module speaks in these keys, so they live in one place.
 */
package org.powerconnect.connection;
