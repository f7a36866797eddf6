package org.powerconnect.connection;

public enum CustomerType {
    NON_RESIDENTIAL,
    RESIDENTIAL
}
