package org.powerconnect.workflow;

import java.util.ArrayList;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.powerconnect.notification.MailDelivery;
import org.powerconnect.notification.MailSettings;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Registers the mail-delivery job ({@link MailJobHandler}) and its back-off and end ({@link MailJobRetry}). */
@Component
class MailEnginePlugin extends AbstractProcessEnginePlugin {

    private final MailSettings settings;
    private final ObjectProvider<MailDelivery> delivery;

    MailEnginePlugin(MailSettings settings, ObjectProvider<MailDelivery> delivery) {
        this.settings = settings;
        this.delivery = delivery;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomJobHandlers() == null) {
            configuration.setCustomJobHandlers(new ArrayList<>());
        }
        configuration.getCustomJobHandlers().add(new MailJobHandler(delivery));
        configuration.setFailedJobCommandFactory(new MailJobRetry(settings, delivery));
    }
}
