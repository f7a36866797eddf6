package org.powerconnect.intake;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.powerconnect.connection.ApplicationKind;
import org.powerconnect.connection.CustomerType;
import org.powerconnect.connection.Language;
import org.powerconnect.connection.VoltageClass;
import org.powerconnect.web.OneOf;

/**
 * The body of {@code POST /api/applications}. Enum keys arrive as strings so that a wrong key is named with every
 * other invalid field; a value of the wrong JSON type (text for a number) makes the body unreadable and is named alone.
 */
@PlausibleCapacity
record SubmitApplicationRequest(
        @NotBlank @Size(max = 100) @Pattern(regexp = PRINTABLE_TEXT, message = PRINTABLE_TEXT_RULE) String applicantName,
        @NotBlank
        @Pattern(regexp = PHONE, message = "must be a mainland mobile number (11 digits, 13x to 19x, e.g. 13800138000) or a landline with area code (e.g. 0515-88886666)")
        String contactPhone,
        @NotBlank @Size(max = 300) @Pattern(regexp = PRINTABLE_TEXT, message = PRINTABLE_TEXT_RULE) String address,
        @NotNull @OneOf(VoltageClass.class) String voltageClass,
        @NotNull @Positive @Max(value = 1_000_000, message = "must be at most 1000000 kVA") Integer capacityKva,
        @NotNull @OneOf(ApplicationKind.class) String kind,
        @NotNull @OneOf(CustomerType.class) String customerType,
        @Size(max = 254) @Email(regexp = EMAIL, message = EMAIL_RULE) String email,
        @Pattern(regexp = "zh|en", message = "must be zh (Chinese, the default) or en (English)") String language) {

    /**
     * Names and addresses are one line of printable text with at least one letter or digit: no control or
     * invisible format characters, no broken surrogate pairs (a NUL byte would not even fit in the database).
     */
    static final String PRINTABLE_TEXT = "[^\\p{Cc}\\p{Cf}\\p{Cs}]*[\\p{L}\\p{N}][^\\p{Cc}\\p{Cf}\\p{Cs}]*";
    static final String PRINTABLE_TEXT_RULE = "must be printable text with at least one letter or digit, without control or invisible characters";

    /** Mainland mobile (optionally +86) or landline with a 3–4 digit area code. */
    static final String PHONE = "^(\\+86[- ]?)?1[3-9]\\d{9}$|^0\\d{2,3}-?\\d{7,8}$";

    /**
     * One address of printable ASCII with a dot in its domain: an address that mail servers accept, and nothing
     * (no line break, no second address) that could add a header or a recipient to a mail.
     */
    static final String EMAIL = "(?:[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
            + "@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,})?"; // empty: no address, as a form sends it
    static final String EMAIL_RULE = "must be one e-mail address such as name@example.com";

    Applications.NewApplication toNewApplication() {
        return new Applications.NewApplication(applicantName, contactPhone, address, VoltageClass.valueOf(voltageClass),
                capacityKva, ApplicationKind.valueOf(kind), CustomerType.valueOf(customerType),
                email == null || email.isBlank() ? null : email, language == null ? null : Language.ofKey(language).orElseThrow());
    }
}
