package org.powerconnect.notification;

import java.util.Arrays;
import java.util.List;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.powerconnect.connection.Department;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Reports at start-up what the mail configuration lacks: a department without a mailbox would otherwise be
 * found out only when its first mail has nobody to go to. A malformed address stops the start.
 */
@Component
class MailRecipientsCheck {

    private static final Logger log = LoggerFactory.getLogger(MailRecipientsCheck.class);

    private final MailSettings settings;
    private final ObjectProvider<JavaMailSender> senders;

    MailRecipientsCheck(MailSettings settings, ObjectProvider<JavaMailSender> senders) {
        this.settings = settings;
        this.senders = senders;
        // a blank entry (an unset environment variable, say) counts as no address, and is reported below
        settings.departments().keySet().forEach(key -> Department.ofKey(key).ifPresent(department ->
                settings.addressesOf(department).forEach(address -> check(key, address))));
        check("from", settings.from());
    }

    /** The departments that no mail can reach. */
    List<Department> departmentsWithoutMailbox() {
        return Arrays.stream(Department.values()).filter(d -> settings.addressesOf(d).isEmpty()).toList();
    }

    @EventListener(ApplicationReadyEvent.class)
    void report() {
        List<Department> missing = departmentsWithoutMailbox();
        if (!missing.isEmpty()) {
            log.warn("No mailbox configured for {}: their task, warning and breach mails will have no recipient. "
                    + "Set powerconnect.mail.departments.<department key> (a list of addresses).", missing);
        }
        if (senders.getIfAvailable() == null) {
            log.info("No SMTP server configured (spring.mail.host): mails are written to the log");
        }
    }

    private static void check(String what, String address) {
        try {
            new InternetAddress(address, true).validate();
        } catch (AddressException e) {
            throw new IllegalStateException("powerconnect.mail." + (what.equals("from") ? "from" : "departments." + what)
                    + ": '" + address + "' is not a mail address (" + e.getMessage() + ")", e);
        }
    }
}
