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
    /**
     * The applicant confirms the supply plan (客户确认供电方案), when the plan asks for it: a wait on the applicant,
     * with no limit of its own, during which the overall clock pauses. A product decision; the source is silent.
     */
    PLAN_CONFIRMATION("plan-confirmation"),
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

    /** Power-on is covered by the overall limit, and the plan confirmation waits on the applicant. */
    public boolean hasOwnLimit() {
        return this != POWER_ON && this != PLAN_CONFIRMATION;
    }

    public static Optional<Stage> ofKey(String key) {
        return Arrays.stream(values()).filter(s -> s.key.equals(key)).findFirst();
    }

    @Override
    public String toString() {
        return key;
    }
}
