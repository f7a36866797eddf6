package org.powerconnect.connection;

import java.util.Arrays;
import java.util.Optional;

/** The departments of DOMAIN.md; each key is also the candidate group of its tasks and a user group. */
public enum Department {
    GRID_SERVICE_WINDOW("grid-service-window"),
    GRID_PLANNING("grid-planning"),
    GRID_CONSTRUCTION("grid-construction"),
    PLANNING_BUREAU("planning-bureau"),
    CONSTRUCTION_BUREAU("construction-bureau"),
    WATER_BUREAU("water-bureau"),
    URBAN_MANAGEMENT_BUREAU("urban-management-bureau"),
    FORESTRY_BUREAU("forestry-bureau"),
    SUPERVISOR("supervisor");

    private final String key;

    Department(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static Optional<Department> ofKey(String key) {
        return Arrays.stream(values()).filter(d -> d.key.equals(key)).findFirst();
    }

    @Override
    public String toString() {
        return key;
    }
}
