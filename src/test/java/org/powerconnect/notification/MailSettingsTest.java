package org.powerconnect.notification;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.powerconnect.connection.Department;
import org.powerconnect.connection.Language;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the start-up check reports, and the configuration it refuses. */
class MailSettingsTest {

    private static final List<Duration> RETRIES = List.of(Duration.ofMinutes(1));

    @Test
    void theDepartmentsWithoutAMailboxAreNamedAtStartUp() {
        MailSettings settings = settings(Map.of("planning-bureau", List.of("permits@planning.example.com"),
                "water-bureau", List.of(" ")));

        MailRecipientsCheck check = new MailRecipientsCheck(settings, noSmtpServer());

        assertThat(check.departmentsWithoutMailbox()).contains(Department.WATER_BUREAU, Department.SUPERVISOR,
                Department.GRID_SERVICE_WINDOW).doesNotContain(Department.PLANNING_BUREAU).hasSize(Department.values().length - 1);
    }

    @Test
    void aMalformedMailboxAddressStopsTheStartNamingTheProperty() {
        MailSettings settings = settings(Map.of("forestry-bureau", List.of("forestry at example dot com")));

        assertThatThrownBy(() -> new MailRecipientsCheck(settings, noSmtpServer()))
                .hasMessageContaining("powerconnect.mail.departments.forestry-bureau")
                .hasMessageContaining("forestry at example dot com");
    }

    @Test
    void aMistypedDepartmentKeyStopsTheStart() {
        assertThatThrownBy(() -> settings(Map.of("forestry", List.of("a@example.com"))))
                .hasMessageContaining("powerconnect.mail.departments.forestry is not a department key");
    }

    @Test
    void retriesNeedAtLeastOnePositiveWait() {
        assertThatThrownBy(() -> new MailSettings("a@example.com", URI.create("http://localhost"), Language.ZH,
                Map.of(), List.of(Duration.ZERO))).hasMessageContaining("powerconnect.mail.retry-intervals");
        assertThat(settings(Map.of()).attempts()).isEqualTo(2);
    }

    @Test
    void theBaseUrlOfLinksMustBeAnHttpAddressAndLosesATrailingSlash() {
        assertThat(withBaseUrl("https://powerconnect.example.cn/").baseUrl())
                .hasToString("https://powerconnect.example.cn");
        assertThat(withBaseUrl("http://10.1.2.3:8080/powerconnect//").baseUrl())
                .hasToString("http://10.1.2.3:8080/powerconnect");
        assertThatThrownBy(() -> withBaseUrl("localhost:8091")).hasMessageContaining("powerconnect.mail.base-url");
        assertThatThrownBy(() -> withBaseUrl("ftp://files.example.cn")).hasMessageContaining("http or https");
    }

    private static MailSettings withBaseUrl(String url) {
        return new MailSettings("a@example.com", URI.create(url), Language.ZH, Map.of(), RETRIES);
    }

    private static MailSettings settings(Map<String, List<String>> departments) {
        return new MailSettings("PowerConnect <no-reply@example.com>", URI.create("http://localhost:8080"), Language.ZH,
                departments, RETRIES);
    }

    @SuppressWarnings("unchecked")
    private static ObjectProvider<JavaMailSender> noSmtpServer() {
        return new org.springframework.beans.factory.support.StaticListableBeanFactory().getBeanProvider(JavaMailSender.class);
    }
}
