package org.powerconnect.timeline;

import org.powerconnect.web.ApiProblem;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * An application's timeline for any signed-in user: enough for a supervisor to explain every deadline to the
 * applicant, with each due date checkable by hand against the official calendar.
 */
@RestController
@RequestMapping(path = "/api/applications", produces = MediaType.APPLICATION_JSON_VALUE)
class TimelineController {

    private final Timelines timelines;

    TimelineController(Timelines timelines) {
        this.timelines = timelines;
    }

    @GetMapping("/{applicationNo}/timeline")
    ApplicationTimeline timeline(@PathVariable String applicationNo) {
        return timelines.of(applicationNo).orElseThrow(() -> ApiProblem.notFound("no application " + applicationNo));
    }
}
