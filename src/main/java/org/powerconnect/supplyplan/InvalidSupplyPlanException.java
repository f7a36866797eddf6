package org.powerconnect.supplyplan;

/** A supply plan that contradicts itself; {@code field} names the request field to correct. */
public class InvalidSupplyPlanException extends RuntimeException {

    private final String field;

    public InvalidSupplyPlanException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
