package org.powerconnect;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@EnableScheduling
public class PowerConnectApplication {

    public static void main(String[] args) {
        SpringApplication.run(PowerConnectApplication.class, args);
    }
}
