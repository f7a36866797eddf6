/**
 * The applicant's view: the progress of one application, opened with its access code and no account. It shows
 * stages, due dates and status, and nothing personal.
 */
package org.powerconnect.progress;
