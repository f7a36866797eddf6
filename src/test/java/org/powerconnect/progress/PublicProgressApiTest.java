package org.powerconnect.progress;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.powerconnect.ApiClient.Reply;
import org.powerconnect.EngineTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.powerconnect.ApiClient.assertIsProblem;

/** Applicants follow their application with its access code, without an account, and learn nothing else. */
class PublicProgressApiTest extends EngineTestSupport {

    private static final String WINDOW = "grid-service-window";

    @Autowired
    private TestRestTemplate browser;

    @Test
    void theAccessCodeFromTheSubmissionOpensTheApplicationsProgressWithoutLoginAndWithoutPersonalData() {
        at("2026-11-09T10:00");
        Reply submitted = api.post("/api/applications", WINDOW, application("Zhao Lei", "13912345678"));
        String applicationNo = submitted.body().path("applicationNo").asText();
        String code = submitted.body().path("accessCode").asText();
        assertThat(code).matches("[A-HJKMNP-Z2-9]{10}");

        Reply progress = api.get(progressPath(applicationNo, code), null);

        assertThat(progress.status()).isEqualTo(HttpStatus.OK);
        JsonNode body = progress.body();
        assertThat(body.path("applicationNo").asText()).isEqualTo(applicationNo);
        assertThat(body.path("status").asText()).isEqualTo("IN_PROGRESS");
        assertThat(body.path("stages")).singleElement().satisfies(stage -> {
            assertThat(stage.path("stage").asText()).isEqualTo("acceptance");
            assertThat(stage.path("status").asText()).isEqualTo("IN_PROGRESS");
            assertThat(stage.path("dueAt").asText()).isEqualTo("2026-11-09T17:00:00+08:00");
            assertThat(stage.path("late").asBoolean()).isFalse();
        });
        assertThat(progress.raw()).doesNotContain("Zhao Lei", "13912345678", "Jiefang Road", code);
        // typed as a person would: lower case, with a space
        String typed = code.substring(0, 5).toLowerCase() + " " + code.substring(5);
        assertThat(api.get(progressPath(applicationNo, typed), null).status()).isEqualTo(HttpStatus.OK);
        // and the service window can read the code out again
        assertThat(api.get("/api/applications/" + applicationNo, WINDOW).body().path("accessCode").asText()).isEqualTo(code);
    }

    @Test
    void aWrongCodeIsAnsweredExactlyLikeAnUnknownApplication() {
        at("2026-11-10T10:00");
        Reply submitted = api.post("/api/applications", WINDOW, application("Qian Ltd", "13800138000"));
        String applicationNo = submitted.body().path("applicationNo").asText();

        Reply wrongCode = api.get(progressPath(applicationNo, "AAAAAAAAAA"), null);
        Reply unknown = api.get(progressPath("YC-20261110-999999", "AAAAAAAAAA"), null);

        assertIsProblem(wrongCode, 404);
        assertIsProblem(unknown, 404);
        assertThat(wrongCode.body().path("detail")).isEqualTo(unknown.body().path("detail"));
        assertThat(wrongCode.body().path("title")).isEqualTo(unknown.body().path("title"));
    }

    @Test
    void repeatedGuessingFromOneAddressIsSlowedDownWhileTheRightCodeWorksAgainLater() {
        at("2026-11-11T10:00");
        Reply submitted = api.post("/api/applications", WINDOW, application("Sun Ltd", "13800138000"));
        String applicationNo = submitted.body().path("applicationNo").asText();
        String code = submitted.body().path("accessCode").asText();

        for (int guess = 0; guess < 10; guess++) {
            assertThat(api.get(progressPath(applicationNo, "GUESS" + guess + "AAAA"), null).status())
                    .as("guess %d", guess).isEqualTo(HttpStatus.NOT_FOUND);
        }
        Reply slowed = api.get(progressPath(applicationNo, code), null);
        assertIsProblem(slowed, 429);
        assertThat(Long.parseLong(slowed.headers().getFirst("Retry-After"))).isBetween(1L, 900L);

        at("2026-11-11T10:15"); // the first failure has left the 15-minute window
        assertThat(api.get(progressPath(applicationNo, code), null).status()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void thePublicPageIsServedWithoutLogin() {
        ResponseEntity<String> page = browser.getForEntity("/progress.html", String.class);

        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getHeaders().getContentType().toString()).startsWith("text/html");
        assertThat(page.getBody()).contains("/api/public/progress/", "textContent");
    }

    private static String progressPath(String applicationNo, String code) {
        return "/api/public/progress/" + applicationNo + "?code=" + code.replace(" ", "%20");
    }

    private static Map<String, Object> application(String name, String phone) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("applicantName", name);
        body.put("contactPhone", phone);
        body.put("address", "8 Jiefang Road, Tinghu District, Yancheng");
        body.put("voltageClass", "LOW_VOLTAGE");
        body.put("capacityKva", 8);
        body.put("kind", "NEW_CONNECTION");
        body.put("customerType", "RESIDENTIAL");
        return body;
    }
}
