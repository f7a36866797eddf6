package org.powerconnect.connection;

/** The external-line work that the supply plan decides; it selects permits, construction and the overall limit. */
public enum ExternalLineWork {
    NONE,
    WITHOUT_EXCAVATION,
    WITH_EXCAVATION
}
