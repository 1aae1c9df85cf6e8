package io.switchboard.designer;

import io.switchboard.runtime.config.RuntimeConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/** The Switchboard application: runtime, REST API and screens in one jar. */
@SpringBootApplication(scanBasePackages = "io.switchboard")
@Import(RuntimeConfiguration.class)
public class SwitchboardApplication {
  public static void main(String[] args) {
    SpringApplication.run(SwitchboardApplication.class, args);
  }
}
