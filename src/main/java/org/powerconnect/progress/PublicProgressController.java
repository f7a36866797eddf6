package org.powerconnect.progress;

import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;
import org.powerconnect.intake.AccessCodes;
import org.powerconnect.intake.Application;
import org.powerconnect.intake.Applications;
import org.powerconnect.sla.SlaClocks;
import org.powerconnect.web.ApiProblem;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/public/progress/{applicationNo}?code=…}: no login, the access code instead. A wrong code and
 * an unknown application get the same answer, so the API tells nobody which numbers exist.
 */
@RestController
@RequestMapping(path = "/api/public/progress", produces = MediaType.APPLICATION_JSON_VALUE)
class PublicProgressController {

    private static final String NOT_FOUND = "no application with this number and access code";

    private final Applications applications;
    private final SlaClocks clocks;
    private final GuessingGuard guard;

    PublicProgressController(Applications applications, SlaClocks clocks, GuessingGuard guard) {
        this.applications = applications;
        this.clocks = clocks;
        this.guard = guard;
    }

    @GetMapping("/{applicationNo}")
    ProgressView progress(@PathVariable String applicationNo, @RequestParam String code, HttpServletRequest request) {
        String client = request.getRemoteAddr();
        Duration wait = guard.waitFor(client);
        if (!wait.isZero() && !wait.isNegative()) {
            long seconds = Math.max(1, wait.toSeconds());
            throw ApiProblem.tooManyRequests("too many wrong access codes from this address; try again in "
                    + seconds + " s", seconds);
        }
        Application application = applications.find(applicationNo)
                .filter(found -> AccessCodes.matches(found.accessCode(), code))
                .orElse(null);
        if (application == null) {
            guard.failed(client);
            throw ApiProblem.notFound(NOT_FOUND);
        }
        return ProgressView.of(application, clocks.clocksOf(applicationNo));
    }
}
