package org.powerconnect.intake;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Arrays;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import org.powerconnect.connection.VoltageClass;

/**
 * The capacity must fit the voltage class ({@link VoltageClass#minCapacityKva()} to
 * {@link VoltageClass#maxCapacityKva()}): 800 kVA at 400 V is a typing error, not an application. Reported on
 * {@code capacityKva}, and only when the voltage class itself is valid.
 */
@Documented
@Constraint(validatedBy = PlausibleCapacity.Validator.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@interface PlausibleCapacity {

    String message() default "does not fit the voltage class";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<PlausibleCapacity, SubmitApplicationRequest> {

        @Override
        public boolean isValid(SubmitApplicationRequest request, ConstraintValidatorContext context) {
            if (request == null || request.capacityKva() == null || request.capacityKva() <= 0
                    || request.voltageClass() == null
                    || Arrays.stream(VoltageClass.values()).noneMatch(v -> v.name().equals(request.voltageClass()))) {
                return true; // other rules report these
            }
            VoltageClass voltageClass = VoltageClass.valueOf(request.voltageClass());
            int kva = request.capacityKva();
            if (kva >= voltageClass.minCapacityKva() && kva <= voltageClass.maxCapacityKva()) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate("must be " + voltageClass.minCapacityKva() + " to "
                            + voltageClass.maxCapacityKva() + " kVA for " + voltageClass)
                    .addPropertyNode("capacityKva").addConstraintViolation();
            return false;
        }
    }
}
