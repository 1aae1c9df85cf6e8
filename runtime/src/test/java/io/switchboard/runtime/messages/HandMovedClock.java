package io.switchboard.runtime.messages;

import io.switchboard.runtime.engine.Engine;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** The application's clock replaced by one the test moves, so that a conversation's timeout passes at once. */
@TestConfiguration(proxyBeanMethods = false)
public class HandMovedClock {
  @Bean
  @Primary
  Engine.MutableClock testClock() {
    return new Engine.MutableClock();
  }
}
