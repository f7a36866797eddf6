package org.powerconnect.sla;

import java.nio.file.Path;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SlaConfiguration {

    @Bean
    SlaSettings slaSettings(@Value("${powerconnect.sla.config-dir:sla-config}") String configDir) {
        // a plain file-system path, relative to the working directory; not a Spring resource location
        return SlaSettings.load(Path.of(configDir));
    }

    @Bean
    DeadlineCalculator deadlineCalculator(SlaSettings settings) {
        return settings.deadlineCalculator();
    }
}
