package io.switchboard.designer.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RoleTest {
  @Test
  void storedKeysReadAsLabelsInTheRolesOrder() {
    assertThat(Role.labels(List.of("supervisor", "agent"))).isEqualTo("Agent, Supervisor");
    assertThat(Role.labels(List.of("designer"))).isEqualTo("Flow designer");
    assertThat(Role.labels(List.of("admin", "retired"))).isEqualTo("Administrator, retired");
    assertThat(Role.labels(List.of())).isEmpty();
  }
}
