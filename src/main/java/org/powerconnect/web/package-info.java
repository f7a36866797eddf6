/**
 * What every HTTP endpoint shares: errors as {@code application/problem+json}, instants shown at the office's
 * offset, HTTP Basic security and the caller's departments.
 */
package org.powerconnect.web;
