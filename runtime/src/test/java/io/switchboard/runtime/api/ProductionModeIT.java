package io.switchboard.runtime.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The application itself refuses to start in production mode without the key that seals secrets. */
class ProductionModeIT {
  /** Arguments, so that they override the test key of the test resources' application.properties. */
  private static ConfigurableApplicationContext start(String key) {
    return new SpringApplicationBuilder(ApiTestApplication.class).run("--server.port=0",
        "--spring.datasource.url=jdbc:h2:mem:production;DB_CLOSE_DELAY=-1", "--switchboard.mode=production",
        "--switchboard.secrets.key=" + key);
  }

  @Test
  void withoutTheSecretsKeyStartingFailsAndSaysWhichSettingIsMissing() {
    assertThatThrownBy(() -> start("").close())
        .rootCause().isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("switchboard.secrets.key is not set. In production mode");
  }

  @Test
  void withTheKeyItStarts() {
    try (ConfigurableApplicationContext context = start("dGVzdC1rZXktb2YtZXhhY3RseS10aGlydHktdHdvLWI=")) {
      assertThat(context.isRunning()).isTrue();
    }
  }
}
