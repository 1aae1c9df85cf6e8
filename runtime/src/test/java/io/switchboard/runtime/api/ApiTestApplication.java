package io.switchboard.runtime.api;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The runtime alone as a Spring Boot application, for API tests. */
@SpringBootApplication(scanBasePackages = "io.switchboard.runtime")
public class ApiTestApplication {}
