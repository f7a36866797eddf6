package org.powerconnect.supplyplan;

/** Published in the transaction in which the grid company replied with a plan, or with a revised one. */
public record SupplyPlanDecided(SupplyPlan plan) {
}
