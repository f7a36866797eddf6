package org.powerconnect.notification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.powerconnect.connection.Department;
import org.powerconnect.connection.Language;
import org.powerconnect.connection.Stage;
import org.powerconnect.intake.Application;
import org.powerconnect.sla.DeadlineCalculator;
import org.powerconnect.sla.SlaClock;
import org.powerconnect.sla.SlaClocks;
import org.powerconnect.supplyplan.PermitKeys;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Writes a mail from its outbox facts, in the recipient's language, as plain text and HTML, from the
 * templates in {@code mail/} (layout.txt, layout.html, messages_zh/en.properties). In the HTML version every
 * value is escaped: applicant names and addresses are whatever the applicant wrote.
 */
@Component
class MailComposer {

    private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(\\{?)([a-z-]+)}}(}?)");

    private final MailSettings settings;
    private final DeadlineCalculator deadlines;
    private final SlaClocks clocks;
    private final ResourceBundleMessageSource texts = new ResourceBundleMessageSource();
    private final String textLayout = template("mail/layout.txt");
    private final String htmlLayout = template("mail/layout.html");

    MailComposer(MailSettings settings, DeadlineCalculator deadlines, SlaClocks clocks) {
        this.settings = settings;
        this.deadlines = deadlines;
        this.clocks = clocks;
        texts.setBasename("mail/messages");
        texts.setDefaultEncoding(StandardCharsets.UTF_8.name());
        texts.setFallbackToSystemLocale(false);
        texts.setAlwaysUseMessageFormat(true);
    }

    /** A mail ready to send; {@code to} is empty when nobody is configured to receive it. */
    record ComposedMail(List<String> to, List<String> cc, Language language, String subject, String text,
            String html) {
    }

    ComposedMail compose(OutboxMail mail, Application application, Instant now) {
        boolean forApplicant = mail.kind().audience() == NotificationKind.Audience.APPLICANT;
        Language language = forApplicant ? application.language() : settings.language();
        Locale locale = language.locale();
        String stageName = mail.stage() == null ? "" : text(locale, "stage." + mail.stage().key());
        String departmentName = mail.department() == null ? "" : text(locale, "department." + mail.department().key());
        // the stage in the recipient's language; the task's own name (from the model) is one of the facts
        String subject = text(locale, "subject." + mail.kind().key(), mail.applicationNo(), stageName, departmentName);
        String headline = text(locale, "headline." + mail.kind().key(), mail.applicationNo(), stageName, departmentName);

        List<String> to = new ArrayList<>();
        List<String> cc = new ArrayList<>();
        String greeting;
        switch (mail.kind().audience()) {
            case DEPARTMENT -> {
                to.addAll(settings.addressesOf(mail.department()));
                greeting = text(locale, "greeting.staff", departmentName);
            }
            case DEPARTMENT_AND_SUPERVISORS -> {
                to.addAll(settings.addressesOf(mail.department()));
                cc.addAll(settings.addressesOf(Department.SUPERVISOR));
                cc.removeAll(to);
                greeting = text(locale, "greeting.staff", departmentName);
            }
            case SUPERVISORS -> {
                to.addAll(settings.addressesOf(Department.SUPERVISOR));
                greeting = text(locale, "greeting.staff", text(locale, "department.supervisor"));
            }
            default -> {
                if (application.email() != null) {
                    to.add(application.email());
                }
                greeting = text(locale, "greeting.applicant", application.applicantName());
            }
        }

        List<Map.Entry<String, String>> facts = new ArrayList<>();
        fact(facts, locale, "label.application", mail.applicationNo());
        fact(facts, locale, "label.applicant", application.applicantName());
        fact(facts, locale, "label.address", application.address());
        String link = null;
        String action = null;
        if (forApplicant) {
            applicantFacts(facts, locale, mail, now);
            if (application.accessCode() != null) {
                fact(facts, locale, "label.access-code", application.accessCode());
                action = text(locale, "action.progress");
                link = UriComponentsBuilder.fromUri(settings.baseUrl()).path("/progress.html")
                        .queryParam("no", mail.applicationNo()).queryParam("code", application.accessCode())
                        .encode().toUriString();
            }
        } else {
            fact(facts, locale, "label.stage", stageName);
            fact(facts, locale, "label.department", departmentName);
            if (mail.dueAt() != null) {
                fact(facts, locale, "label.due", localTime(locale, mail.dueAt()));
                fact(facts, locale, "label.remaining", remaining(locale, now, mail.dueAt()));
            }
            action = text(locale, "action." + mail.kind().key());
            link = mail.taskId() != null
                    ? settings.baseUrl() + "/camunda/app/tasklist/default/#/?task=" + mail.taskId()
                    : UriComponentsBuilder.fromUri(settings.baseUrl()).path("/api/applications/{no}/timeline")
                            .buildAndExpand(mail.applicationNo()).toUriString();
        }

        String footer = text(locale, "footer");
        String textFacts = facts.stream().map(f -> f.getKey() + ": " + f.getValue()).collect(Collectors.joining("\n"));
        String textAction = link == null ? "" : "\n" + action + ": " + link + "\n";
        String text = fill(textLayout, false, Map.of("greeting", greeting, "headline", headline, "facts", textFacts,
                "action", textAction, "footer", footer), Map.of());
        String htmlFacts = facts.stream().map(f -> "<tr><th style=\"text-align: left; padding: 2px 12px 2px 0\">"
                + escape(f.getKey()) + "</th><td>" + escape(f.getValue()) + "</td></tr>")
                .collect(Collectors.joining("\n"));
        String htmlAction = link == null ? "" : "<p><a href=\"" + escape(link) + "\">" + escape(action) + "</a></p>";
        String html = fill(htmlLayout, true, Map.of("lang", language.key(), "subject", subject, "greeting", greeting,
                "headline", headline, "footer", footer), Map.of("facts", htmlFacts, "action", htmlAction));
        return new ComposedMail(List.copyOf(to), List.copyOf(cc), language, subject, text, html);
    }

    /** What the applicant wants to know: the plan, and when their power will be (or was) on. */
    private void applicantFacts(List<Map.Entry<String, String>> facts, Locale locale, OutboxMail mail, Instant now) {
        if (mail.kind() == NotificationKind.SUPPLY_PLAN_READY && mail.detail() != null) {
            String[] plan = mail.detail().split(";", -1);
            fact(facts, locale, "label.external-line", text(locale, "external-line." + plan[0]));
            List<Stage> permits = PermitKeys.parse(plan.length > 1 ? plan[1] : "");
            fact(facts, locale, "label.permits", permits.isEmpty() ? text(locale, "permits.none")
                    : permits.stream().map(p -> text(locale, "stage." + p.key()))
                            .collect(Collectors.joining(locale.getLanguage().equals("zh") ? "、" : ", ")));
        }
        Optional<SlaClock> overall = clocks.clocksOf(mail.applicationNo()).stream()
                .filter(clock -> clock.stage() == Stage.OVERALL).max(Comparator.comparing(SlaClock::startedAt));
        if (overall.isEmpty()) {
            return;
        }
        SlaClock clock = overall.get();
        if (mail.kind() == NotificationKind.POWER_ON) {
            Instant poweredOn = clock.completedAt() != null ? clock.completedAt() : mail.occurredAt();
            fact(facts, locale, "label.powered-on", localTime(locale, poweredOn));
            fact(facts, locale, "label.used", text(locale, "used",
                    deadlines.workingDaysUsed(clock.countedFrom(), poweredOn, clock.pausedWorkingDays()),
                    clock.limitWorkingDays()));
        } else if (clock.isRunning()) {
            fact(facts, locale, "label.overall-due", localTime(locale, clock.dueAt()));
            fact(facts, locale, "label.remaining", remaining(locale, now, clock.dueAt()));
        }
    }

    private String remaining(Locale locale, Instant now, Instant dueAt) {
        int left = deadlines.workingDaysLeft(now, dueAt);
        if (now.isBefore(dueAt)) {
            return left == 0 ? text(locale, "remaining.today") : text(locale, "remaining.left", left);
        }
        return left == 0 ? text(locale, "remaining.overdue-today") : text(locale, "remaining.overdue", -left);
    }

    /** A time in Beijing time; a due date beyond the calendar's years says that it is provisional. */
    private String localTime(Locale locale, Instant instant) {
        boolean known = deadlines.calendar().covers(instant.atZone(deadlines.zone()).toLocalDate());
        return text(locale, known ? "time.local" : "time.provisional", LOCAL_TIME.format(instant.atZone(deadlines.zone())));
    }

    private void fact(List<Map.Entry<String, String>> facts, Locale locale, String label, String value) {
        facts.add(Map.entry(text(locale, label), value));
    }

    private String text(Locale locale, String key, Object... args) {
        return texts.getMessage(key, args, locale);
    }

    /** {@code {{name}}} is replaced escaped (for HTML) or as is (plain text); {@code {{{name}}}} is trusted HTML. */
    private static String fill(String layout, boolean html, Map<String, String> values, Map<String, String> trustedHtml) {
        Matcher matcher = PLACEHOLDER.matcher(layout);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(2);
            boolean trusted = !matcher.group(1).isEmpty();
            String value = trusted ? trustedHtml.get(name) : values.get(name);
            if (value == null) {
                throw new IllegalStateException("mail template placeholder {{" + name + "}} has no value");
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(html && !trusted ? escape(value) : value));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text, StandardCharsets.UTF_8.name());
    }

    private static String template(String path) {
        try {
            return new ClassPathResource(path).getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("mail template " + path + " is missing", e);
        }
    }
}
