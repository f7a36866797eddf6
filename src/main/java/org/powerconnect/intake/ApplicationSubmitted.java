package org.powerconnect.intake;

/**
 * Published inside the submitting transaction: the workflow starts the application's process on it, so an
 * application and its process commit together or not at all.
 */
public record ApplicationSubmitted(Application application) {
}
