package org.powerconnect.web;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import org.powerconnect.sla.SlaSettings;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ApiJsonConfiguration {

    /**
     * Every instant leaves the API at the office's offset (+08:00 for Asia/Shanghai), to the second: the same
     * instant as anywhere else, but a date a clerk reads without converting, in one fixed form for clients.
     */
    @Bean
    Jackson2ObjectMapperBuilderCustomizer officeZoneInstants(SlaSettings settings) {
        return builder -> builder.serializerByType(Instant.class, new OfficeInstantSerializer(settings.zone()));
    }

    static final class OfficeInstantSerializer extends StdSerializer<Instant> {

        private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

        private final ZoneId zone;

        OfficeInstantSerializer(ZoneId zone) {
            super(Instant.class);
            this.zone = zone;
        }

        @Override
        public void serialize(Instant value, JsonGenerator generator, SerializerProvider provider) throws IOException {
            generator.writeString(FORMAT.format(value.atZone(zone)));
        }
    }
}
