package org.powerconnect.connection;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** The stage keys of DOMAIN.md (the first column of the flow table, plus {@code overall}). */
public enum Stage {
    ACCEPTANCE("acceptance"),
    SURVEY_OPINION("survey-opinion"),
    SUPPLY_PLAN("supply-plan"),
    PLANNING_PERMIT("planning-permit"),
    EXCAVATION_PERMIT("excavation-permit"),
    ROAD_OCCUPANCY_PERMIT("road-occupancy-permit"),
    RIVER_OCCUPANCY_PERMIT("river-occupancy-permit"),
    URBAN_OCCUPANCY_PERMIT("urban-occupancy-permit"),
    GREENING_PERMIT("greening-permit"),
    EXCAVATION_FEE("excavation-fee"),
    CONSTRUCTION("construction"),
    POWER_ON("power-on"),
    OVERALL("overall");

    /** The permits a supply plan can require, in the order DOMAIN.md lists them. */
    public static final Set<Stage> PERMITS = EnumSet.of(PLANNING_PERMIT, EXCAVATION_PERMIT, ROAD_OCCUPANCY_PERMIT,
            RIVER_OCCUPANCY_PERMIT, URBAN_OCCUPANCY_PERMIT, GREENING_PERMIT);

    private final String key;

    Stage(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public boolean isPermit() {
        return PERMITS.contains(this);
    }

    public static Optional<Stage> ofKey(String key) {
        return Arrays.stream(values()).filter(s -> s.key.equals(key)).findFirst();
    }

    @Override
    public String toString() {
        return key;
    }
}
