package io.switchboard.designer.desk;

import io.switchboard.runtime.desk.DeskService;
import io.switchboard.runtime.desk.Offering;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The beans the desk screens share on this instance. */
@Configuration
class DeskScreensConfiguration {
  @Bean
  DeskSessions deskSessions(DeskService desk, Offering offering) {
    return new DeskSessions(desk, offering);
  }
}
