package org.powerconnect.intake;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.powerconnect.connection.ApplicationKind;
import org.powerconnect.connection.CustomerType;
import org.powerconnect.connection.Language;
import org.powerconnect.connection.VoltageClass;
import org.powerconnect.sla.SlaSettings;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Receives applications at the service window and keeps their status. */
@Service
@Transactional
public class Applications {

    private final ApplicationRepository applications;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final SlaSettings settings;

    Applications(ApplicationRepository applications, ApplicationEventPublisher events, Clock clock,
            SlaSettings settings) {
        this.applications = applications;
        this.events = events;
        this.clock = clock;
        this.settings = settings;
    }

    /** Registers an application and starts its process, in one transaction. */
    public Application submit(NewApplication request, String submittedBy) {
        Instant now = clock.instant();
        String applicationNo = applications.nextApplicationNo(now, now.atZone(settings.zone()).toLocalDate());
        Application application = new Application(applicationNo, request.applicantName().strip(),
                request.contactPhone().strip(), request.address().strip(), request.voltageClass(),
                request.capacityKva(), request.kind(), request.customerType(), ApplicationStatus.IN_PROGRESS, now,
                submittedBy, null, request.email() == null ? null : request.email().strip(),
                request.language() == null ? Language.ZH : request.language(), AccessCodes.newCode());
        applications.insert(application);
        events.publishEvent(new ApplicationSubmitted(application));
        return application;
    }

    @Transactional(readOnly = true)
    public Optional<Application> find(String applicationNo) {
        return applications.find(applicationNo);
    }

    /** Called when the application's process ends: powered on, or cancelled before that. */
    public void finish(String applicationNo, ApplicationStatus status, Instant at) {
        applications.finish(applicationNo, status, at);
        events.publishEvent(new ApplicationFinished(applicationNo, status, at));
    }

    /**
     * The validated content of a submission.
     *
     * @param email    optional
     * @param language of the applicant's mails; null for Chinese
     */
    public record NewApplication(String applicantName, String contactPhone, String address, VoltageClass voltageClass,
            int capacityKva, ApplicationKind kind, CustomerType customerType, String email, Language language) {
    }
}
