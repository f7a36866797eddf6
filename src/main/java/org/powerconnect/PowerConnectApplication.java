package org.powerconnect;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class PowerConnectApplication {

    public static void main(String[] args) {
        SpringApplication.run(PowerConnectApplication.class, args);
    }
}
