package org.powerconnect.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.powerconnect.intake.Application;
import org.powerconnect.intake.Applications;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;

/**
 * Sends one outbox mail; the delivery job calls it, outside the transaction of the event the mail reports.
 * A mail already settled is never sent again, so a retried job cannot send twice. Without an SMTP server
 * ({@code spring.mail.host} unset) the mail is written to the log.
 */
@Service
public class MailDelivery {

    private static final Logger log = LoggerFactory.getLogger(MailDelivery.class);

    private final MailOutbox outbox;
    private final MailComposer composer;
    private final MailSettings settings;
    private final Applications applications;
    private final ObjectProvider<JavaMailSender> senders;
    private final Clock clock;
    private final MeterRegistry meters;

    MailDelivery(MailOutbox outbox, MailComposer composer, MailSettings settings, Applications applications,
            ObjectProvider<JavaMailSender> senders, Clock clock, MeterRegistry meters) {
        this.outbox = outbox;
        this.composer = composer;
        this.settings = settings;
        this.applications = applications;
        this.senders = senders;
        this.clock = clock;
        this.meters = meters;
        for (NotificationKind kind : NotificationKind.values()) { // exported before the first failure
            meters.counter("powerconnect.mail.failures", "kind", kind.key());
            meters.counter("powerconnect.mail.undeliverable", "kind", kind.key());
            for (OutboxMail.Status settled : List.of(OutboxMail.Status.SENT, OutboxMail.Status.LOGGED, OutboxMail.Status.NO_RECIPIENT)) {
                meters.counter("powerconnect.mail.sent", "kind", kind.key(), "outcome", outcome(settled));
            }
        }
    }

    /**
     * Sends the mail, or writes it to the log without an SMTP server.
     *
     * @throws MailException when the SMTP server cannot take it: the job fails and is retried later
     */
    public void deliver(long outboxMailId) {
        Optional<OutboxMail> found = outbox.find(outboxMailId);
        if (found.isEmpty()) {
            log.warn("Mail {} is not in the outbox; nothing to send", outboxMailId);
            return;
        }
        OutboxMail mail = found.get();
        if (mail.status().isSettled()) {
            log.info("Mail {} ({}) was already {}; not sending it again", mail.id(), mail.eventKey(), mail.status());
            return;
        }
        Instant now = clock.instant();
        Application application = applications.find(mail.applicationNo()).orElseThrow(() ->
                new IllegalStateException("mail " + mail.eventKey() + " is for unknown application " + mail.applicationNo()));
        MailComposer.ComposedMail composed = composer.compose(mail, application, now);
        if (composed.to().isEmpty()) {
            log.warn("Mail {} ({}) has no recipient: configure powerconnect.mail.departments.{}", mail.id(),
                    mail.eventKey(), mail.department() == null ? "supervisor" : mail.department().key());
            settle(mail, OutboxMail.Status.NO_RECIPIENT, "", null, now);
            return;
        }
        String recipients = String.join(", ", composed.to())
                + (composed.cc().isEmpty() ? "" : "; cc " + String.join(", ", composed.cc()));
        String messageId = "<mail-" + mail.id() + "." + mail.kind().key() + "@" + settings.baseUrl().getHost() + ">";
        JavaMailSender sender = senders.getIfAvailable();
        if (sender == null) {
            log.info("Mail {} (no SMTP server configured, spring.mail.host unset)\nTo: {}\nSubject: {}\n\n{}",
                    mail.eventKey(), recipients, composed.subject(), composed.text());
            settle(mail, OutboxMail.Status.LOGGED, recipients, messageId, now);
            return;
        }
        try {
            sender.send(message(sender, composed, messageId, mail));
        } catch (MailException e) {
            Optional<SendFailedException> refusal = refusal(e);
            if (refusal.isPresent() && has(refusal.get().getValidSentAddresses())) {
                // the server took it for some recipients (mail.smtp.sendpartial) and refused the others for good:
                // sent, and not again, or the others would get it twice
                String refused = addresses(refusal.get().getInvalidAddresses()) + addresses(refusal.get().getValidUnsentAddresses());
                log.warn("Mail {} ({}) went to {} but the SMTP server refused {}: {}", mail.id(), mail.eventKey(),
                        addresses(refusal.get().getValidSentAddresses()), refused, refusal.get().getMessage());
                settle(mail, OutboxMail.Status.SENT, addresses(refusal.get().getValidSentAddresses()).strip()
                        + "; refused: " + refused.strip(), messageId, now);
                return;
            }
            outbox.recordFailedAttempt(mail.id(), e.getMessage());
            meters.counter("powerconnect.mail.failures", "kind", mail.kind().key()).increment();
            int attempt = mail.attempts() + 1;
            log.warn("Mail {} ({}) could not be sent (attempt {}{}): {}", mail.id(), mail.eventKey(), attempt,
                    attempt <= settings.attempts() ? " of " + settings.attempts() : ", retried from Cockpit",
                    e.getMessage());
            if (refusal.isPresent() && has(refusal.get().getInvalidAddresses())
                    && !has(refusal.get().getValidUnsentAddresses())) {
                throw new UndeliverableMailException("the SMTP server refused every recipient ("
                        + addresses(refusal.get().getInvalidAddresses()).strip() + "): " + e.getMessage(), e);
            }
            throw e;
        }
        settle(mail, OutboxMail.Status.SENT, recipients, messageId, now);
    }

    /** Whether a delivery failure is final: retrying would meet the same refusal. */
    public static boolean isPermanent(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof UndeliverableMailException) {
                return true;
            }
        }
        return false;
    }

    private static Optional<SendFailedException> refusal(MailException failure) {
        if (failure instanceof MailSendException send) {
            for (Exception each : send.getMessageExceptions()) {
                for (Throwable cause = each; cause != null; cause = cause.getCause()) {
                    if (cause instanceof SendFailedException refused) {
                        return Optional.of(refused);
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static boolean has(Address[] addresses) {
        return addresses != null && addresses.length > 0;
    }

    private static String addresses(Address[] addresses) {
        if (!has(addresses)) {
            return "";
        }
        StringBuilder text = new StringBuilder();
        for (Address address : addresses) {
            text.append(address).append(' ');
        }
        return text.toString();
    }

    /**
     * The delivery job ran out of attempts, or the mail was refused for good: the mail stays in the outbox as
     * FAILED and is counted; the workflow hands it to an operator (an incident in Cockpit).
     *
     * @return the mail's event key
     */
    public String gaveUp(long outboxMailId, String error) {
        OutboxMail mail = outbox.find(outboxMailId).orElseThrow(() ->
                new IllegalStateException("mail " + outboxMailId + " is not in the outbox"));
        outbox.markFailed(mail.id(), error, clock.instant());
        undeliverable(mail).increment();
        log.error("Mail {} ({}) was not delivered ({} attempts); it is now an incident of process 'Undeliverable mail' "
                + "in Cockpit: {}", mail.id(), mail.eventKey(), mail.attempts(), error);
        return mail.eventKey();
    }

    private void settle(OutboxMail mail, OutboxMail.Status status, String recipients, String messageId, Instant now) {
        outbox.settle(mail.id(), status, recipients, messageId, now);
        meters.counter("powerconnect.mail.sent", "kind", mail.kind().key(), "outcome", outcome(status)).increment();
    }

    private static String outcome(OutboxMail.Status status) {
        return status.name().toLowerCase().replace('_', '-');
    }

    private Counter undeliverable(OutboxMail mail) {
        return meters.counter("powerconnect.mail.undeliverable", "kind", mail.kind().key());
    }

    private MimeMessage message(JavaMailSender sender, MailComposer.ComposedMail composed, String messageId,
            OutboxMail mail) {
        try {
            // A fixed Message-ID: should a mail ever reach a server twice (a crash between its acceptance and
            // our record of it), mail clients and archives see one message.
            MimeMessage message = sender instanceof JavaMailSenderImpl impl
                    ? new FixedIdMessage(impl.getSession(), messageId) : sender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
            helper.setFrom(settings.from());
            helper.setTo(composed.to().toArray(String[]::new));
            if (!composed.cc().isEmpty()) {
                helper.setCc(composed.cc().toArray(String[]::new));
            }
            helper.setSubject(composed.subject());
            helper.setText(composed.text(), composed.html());
            message.setHeader("X-PowerConnect-Event", mail.eventKey());
            message.setHeader("X-PowerConnect-Kind", mail.kind().key());
            message.setContentLanguage(new String[] {composed.language().key()});
            return message;
        } catch (MessagingException e) {
            throw new MailPreparationException("mail " + mail.eventKey() + " could not be written: " + e.getMessage(), e);
        }
    }

    private static final class FixedIdMessage extends MimeMessage {

        private final String messageId;

        FixedIdMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
