package org.powerconnect.connection;

public enum ApplicationKind {
    NEW_CONNECTION,
    CAPACITY_INCREASE
}
