package org.powerconnect.notification;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.powerconnect.connection.Department;
import org.powerconnect.connection.Language;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code powerconnect.mail.*}: who receives which mail and how they are sent. Mail goes out through
 * {@code spring.mail.*}; without {@code spring.mail.host} every mail is written to the log instead.
 *
 * @param from           the sender of every mail
 * @param baseUrl        where recipients reach this server; links in mails start with it
 * @param language       the language of the departments' and supervisors' mails (zh or en)
 * @param departments    mailbox addresses per department key of DOMAIN.md ({@code supervisor} for supervisors)
 * @param retryIntervals the waits between delivery attempts; after the last one the mail is an incident
 */
@ConfigurationProperties("powerconnect.mail")
public record MailSettings(
        @DefaultValue("PowerConnect <no-reply@powerconnect.example>") String from,
        @DefaultValue("http://localhost:8080") URI baseUrl,
        @DefaultValue("zh") Language language,
        Map<String, List<String>> departments,
        @DefaultValue({"PT1M", "PT5M", "PT30M", "PT2H", "PT6H"}) List<Duration> retryIntervals) {

    public MailSettings {
        if (baseUrl == null || baseUrl.getHost() == null
                || !("http".equals(baseUrl.getScheme()) || "https".equals(baseUrl.getScheme()))) {
            throw new IllegalStateException("powerconnect.mail.base-url must be an http or https address with a host, "
                    + "such as https://powerconnect.example.cn; links in mails start with it (got: " + baseUrl + ")");
        }
        // a trailing slash would double the one every link path starts with
        baseUrl = URI.create(baseUrl.toString().replaceAll("/+$", ""));
        departments = departments == null ? Map.of() : Map.copyOf(departments);
        for (String key : departments.keySet()) {
            if (Department.ofKey(key).isEmpty()) {
                throw new IllegalStateException("powerconnect.mail.departments." + key
                        + " is not a department key of DOMAIN.md; use one of " + List.of(Department.values()));
            }
        }
        if (retryIntervals.isEmpty() || retryIntervals.stream().anyMatch(d -> d.isNegative() || d.isZero())) {
            throw new IllegalStateException("powerconnect.mail.retry-intervals must list at least one positive duration, "
                    + "such as PT1M, PT5M, PT30M");
        }
        retryIntervals = List.copyOf(retryIntervals);
    }

    /** The configured addresses of a department; empty when it has none. */
    public List<String> addressesOf(Department department) {
        return departments.getOrDefault(department.key(), List.of()).stream()
                .map(String::strip).filter(address -> !address.isEmpty()).toList();
    }

    /** How often a mail is tried in all: once, then once after each interval. */
    public int attempts() {
        return retryIntervals.size() + 1;
    }
}
