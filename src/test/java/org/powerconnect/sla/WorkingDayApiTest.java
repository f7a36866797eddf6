package org.powerconnect.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.powerconnect.ApiClient.assertIsProblem;
import static org.powerconnect.ApiClient.errorFields;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.powerconnect.ApiClient.Reply;
import org.powerconnect.EngineTestSupport;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The public deadline calculator, {@code GET /api/working-days/due}, called without signing in. Every expected
 * date was worked out by hand from sla-config/cn-workday-calendar.yaml (office cut-off 17:00, Asia/Shanghai).
 */
class WorkingDayApiTest extends EngineTestSupport {

    @LocalServerPort
    private int port;

    @Test
    void anEventAfterTheCutOffIsCountedFromTheNextDay() {
        // Thursday 18:00 counts as Friday 12-04; five working days after it: 12-07..12-11
        Reply reply = due("2026-12-03T18:00:00+08:00", "5");

        assertThat(reply.status()).as("answer %s", reply.raw()).isEqualTo(HttpStatus.OK);
        assertThat(reply.headers().getContentType().isCompatibleWith(MediaType.APPLICATION_JSON)).isTrue();
        JsonNode answer = reply.body();
        assertThat(answer.path("from").asText()).isEqualTo("2026-12-03T18:00:00+08:00");
        assertThat(answer.path("workingDays").asInt()).isEqualTo(5);
        assertThat(answer.path("countedFrom").asText()).isEqualTo("2026-12-04");
        assertThat(answer.path("dueDate").asText()).isEqualTo("2026-12-11");
        assertThat(answer.path("dueAt").asText()).isEqualTo("2026-12-11T17:00:00+08:00");
        assertThat(answer.path("provisional").isBoolean()).isTrue();
        assertThat(answer.path("provisional").asBoolean()).isFalse();
    }

    @Test
    void zeroWorkingDaysFromANationalDayHolidayIsDueOnTheFirstWorkingDayAfterIt() {
        // 2026-10-01..10-07 are National Day holidays
        JsonNode answer = ok(due("2026-10-01", "0"));

        assertThat(answer.path("dueDate").asText()).isEqualTo("2026-10-08");
        assertThat(answer.path("dueAt").asText()).isEqualTo("2026-10-08T17:00:00+08:00");
    }

    @Test
    void theExtendedSpringFestivalOf2020IsNotCounted() {
        // the State Council extended the 2020 holidays to 02-02, cancelling the make-up Saturday 02-01
        JsonNode answer = ok(due("2020-01-23", "1"));

        assertThat(answer.path("dueDate").asText()).isEqualTo("2020-02-03");
        assertThat(answer.path("provisional").asBoolean()).isFalse();
    }

    @Test
    void aDueDateBeyondTheCalendarIsProvisionalAndSaysWhereTheDataEnds() {
        // 12-29, 12-30, 12-31 are announced; 2027 is estimated: 01-01 is a fixed holiday, so 01-04 and 01-05
        JsonNode answer = ok(due("2026-12-28", "5"));

        assertThat(answer.path("dueDate").asText()).isEqualTo("2027-01-05");
        assertThat(answer.path("dueAt").asText()).isEqualTo("2027-01-05T17:00:00+08:00");
        assertThat(answer.path("provisional").asBoolean()).isTrue();
        assertThat(answer.path("calendarCoversUntil").asText()).isEqualTo("2026-12-31");
    }

    @Test
    void anInstantInUtcIsCountedOnItsShanghaiDate() {
        // 20:00 UTC on 12-03 is 04:00 on Friday 12-04 in Shanghai, before the cut-off
        JsonNode answer = ok(due("2026-12-03T20:00:00Z", "0"));

        assertThat(answer.path("countedFrom").asText()).isEqualTo("2026-12-04");
        assertThat(answer.path("dueDate").asText()).isEqualTo("2026-12-04");
        assertThat(answer.path("dueAt").asText()).isEqualTo("2026-12-04T17:00:00+08:00");
    }

    @ParameterizedTest(name = "from={0}")
    @ValueSource(strings = {"yesterday", "2026-13-45", "2026-12-03T25:00", "2026-12-03T18:00:00+25:00"})
    void aFromThatIsNotADateOrInstantIsRejectedNamingFrom(String from) {
        Reply reply = due(from, "5");

        assertThat(reply.status()).as("answer %s", reply.raw()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertIsProblem(reply, 400);
        assertThat(errorFields(reply)).containsExactly("from");
    }

    @ParameterizedTest(name = "from={0}")
    @ValueSource(strings = {"1900-01-01", "1999-12-31", "2099-12-31", "9999-12-31"})
    void aFromFarOutsideTheCalendarIsRejectedNamingFrom(String from) {
        Reply reply = due(from, "5");

        assertIsProblem(reply, 400);
        assertThat(errorFields(reply)).containsExactly("from");
    }

    @Test
    void aMissingFromIsRejectedNamingFrom() {
        Reply reply = due(null, "5");

        assertThat(reply.status()).as("answer %s", reply.raw()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertIsProblem(reply, 400);
        assertThat(errorFields(reply)).containsExactly("from");
    }

    @ParameterizedTest(name = "workingDays={0}")
    @ValueSource(strings = {"-1", "400"})
    void aWorkingDaysOutsideZeroTo366IsRejectedNamingWorkingDays(String workingDays) {
        Reply reply = due("2026-12-03", workingDays);

        assertThat(reply.status()).as("answer %s", reply.raw()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertIsProblem(reply, 400);
        assertThat(errorFields(reply)).containsExactly("workingDays");
    }

    @Test
    void aWorkingDaysThatIsNotANumberIsRejectedNamingWorkingDays() {
        Reply reply = due("2026-12-03", "five");

        assertThat(reply.status()).as("answer %s", reply.raw()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertIsProblem(reply, 400);
        assertThat(errorFields(reply)).containsExactly("workingDays");
    }

    @Test
    void aMissingWorkingDaysIsRejectedNamingWorkingDays() {
        Reply reply = due("2026-12-03", null);

        assertThat(reply.status()).as("answer %s", reply.raw()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertIsProblem(reply, 400);
        assertThat(errorFields(reply)).containsExactly("workingDays");
    }

    // ---------------------------------------------------------------- helpers

    /** Calls the calculator without credentials; parameters are percent-encoded, so "+08:00" arrives intact. */
    private Reply due(String from, String workingDays) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromUriString("http://localhost:" + port)
                .path("/api/working-days/due");
        List<Object> values = new ArrayList<>();
        if (from != null) {
            uri.queryParam("from", "{from}");
            values.add(from);
        }
        if (workingDays != null) {
            uri.queryParam("workingDays", "{workingDays}");
            values.add(workingDays);
        }
        URI target = uri.encode().buildAndExpand(values.toArray()).toUri();
        return api.get(target, null);
    }

    private static JsonNode ok(Reply reply) {
        assertThat(reply.status()).as("answer %s", reply.raw()).isEqualTo(HttpStatus.OK);
        return reply.body();
    }
}
