package io.switchboard.runtime.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.switchboard.runtime.service.BadRequestException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Against published worked examples and table values. Every expected value below was recomputed
 * independently from the closed formula with exact rational arithmetic (Python's fractions:
 * {@code C = (A^N/N! · N/(N-A)) / (Σ_{k<N} A^k/k! + A^N/N! · N/(N-A))}), not with this class's recurrence.
 */
class ErlangCTest {

  /**
   * Call Centre Helper, "Erlang C Formula – Made Simple With an Easy Worked Example": 100 calls in
   * 30 minutes, 180 s handle time, 80 % within 20 s → 10 Erlangs, 14 agents, 17.4 % wait, 88.8 %
   * answered in time, 71.4 % occupancy. The exact average speed of answer is 7.84 s.
   */
  @Test
  void theCallCentreHelperExampleNeedsFourteenAgents() {
    ErlangC.Staffing staffing = ErlangC.staff(200, 180, 0.8, 20);

    assertThat(staffing.erlangs()).isCloseTo(10, within(1e-12));
    assertThat(staffing.agents()).isEqualTo(14);
    assertThat(staffing.probabilityOfWaiting()).isCloseTo(0.17413193359504983, within(1e-12));
    assertThat(staffing.serviceLevel()).isCloseTo(0.8883500191794669, within(1e-12));
    assertThat(staffing.averageSpeedOfAnswerSeconds()).isCloseTo(7.835937011777243, within(1e-9));
    assertThat(staffing.occupancy()).isCloseTo(10.0 / 14, within(1e-12));
  }

  @Test
  void thirteenAgentsFallJustShortOfEightyPercentInTheSameExample() {
    ErlangC.Staffing staffing = ErlangC.evaluate(200, 180, 13, 20);

    assertThat(staffing.probabilityOfWaiting()).isCloseTo(0.28527045303649295, within(1e-12));
    assertThat(staffing.serviceLevel()).isCloseTo(0.7955947884177831, within(1e-12));
  }

  /**
   * Westbay Engineers, "The Erlang-C formula" (erlang.com): 360 calls per half hour, 4 minutes
   * handle time, 55 agents, 15 s target → 48 Erlangs, 87.3 % occupancy, 23.9 % wait, ASA 8.2 s,
   * 84.6 % answered within 15 s.
   */
  @Test
  void theWestbayExampleWithFiftyFiveAgents() {
    ErlangC.Staffing staffing = ErlangC.evaluate(720, 240, 55, 15);

    assertThat(staffing.erlangs()).isCloseTo(48, within(1e-12));
    assertThat(staffing.occupancy()).isCloseTo(48.0 / 55, within(1e-12));
    assertThat(staffing.probabilityOfWaiting()).isCloseTo(0.2387009363780092, within(1e-12));
    assertThat(staffing.averageSpeedOfAnswerSeconds()).isCloseTo(8.184032104388887, within(1e-9));
    assertThat(staffing.serviceLevel()).isCloseTo(0.8458830921705803, within(1e-12));
    assertThat(ErlangC.staff(720, 240, 0.8, 15).agents()).isEqualTo(55);
  }

  @ParameterizedTest(name = "C({0} Erlangs, {1} agents) = {2}")
  @CsvSource({
      "1, 2, 0.3333333333333333",
      "2, 3, 0.4444444444444444",
      "5, 6, 0.5875164504606128",
      "5, 8, 0.1672665066617566",
      "10, 12, 0.44938822429827086",
      "20, 25, 0.2091028265988366",
      "50, 55, 0.38454731793292857",
      "100, 110, 0.23700750028505274",
      "1000, 1050, 0.07440177403742837"})
  void erlangCMatchesExactValues(double erlangs, int agents, double expected) {
    assertThat(ErlangC.erlangC(erlangs, agents)).isCloseTo(expected, within(1e-12));
  }

  /** The classic Erlang B table: 10 Erlangs on 10 lines block 21.46 % of calls. */
  @Test
  void erlangBMatchesTheTable() {
    assertThat(ErlangC.erlangB(10, 10)).isCloseTo(0.21458234310734733, within(1e-12));
    assertThat(ErlangC.erlangB(1, 1)).isEqualTo(0.5);
    assertThat(ErlangC.erlangB(20, 30)).isCloseTo(0.008457498340194705, within(1e-12));
  }

  /** A thousand Erlangs would overflow any factorial; the recurrence stays exact. */
  @Test
  void aLargeCentreIsStaffedWithoutOverflow() {
    ErlangC.Staffing staffing = ErlangC.staff(20_000, 180, 0.8, 20);

    assertThat(staffing.erlangs()).isCloseTo(1000, within(1e-9));
    assertThat(staffing.agents()).isEqualTo(1011);
    assertThat(staffing.probabilityOfWaiting()).isCloseTo(0.6321091746899525, within(1e-10));
    assertThat(staffing.averageSpeedOfAnswerSeconds()).isCloseTo(10.343604676744677, within(1e-8));
  }

  @Test
  void tooFewAgentsMeanEveryCallWaitsForever() {
    ErlangC.Staffing staffing = ErlangC.evaluate(200, 180, 10, 20);

    assertThat(staffing.probabilityOfWaiting()).isEqualTo(1);
    assertThat(staffing.serviceLevel()).isZero();
    assertThat(staffing.averageSpeedOfAnswerSeconds()).isInfinite();
    assertThat(ErlangC.erlangC(10, 9)).isEqualTo(1);
  }

  @Test
  void aZeroTargetCountsOnlyCallsAnsweredAtOnce() {
    ErlangC.Staffing staffing = ErlangC.staff(200, 180, 0.8, 0);

    assertThat(staffing.serviceLevel()).isCloseTo(1 - staffing.probabilityOfWaiting(), within(1e-15));
    assertThat(staffing.serviceLevel()).isCloseTo(0.8258680664049502, within(1e-12));
    assertThat(staffing.agents()).isEqualTo(14);
  }

  @Test
  void badInputIsRefusedWithTheValueNamed() {
    assertThatThrownBy(() -> ErlangC.staff(0, 180, 0.8, 20)).isInstanceOf(BadRequestException.class)
        .hasMessageContaining("arrival rate").hasMessageContaining("0.0 is not");
    assertThatThrownBy(() -> ErlangC.staff(200, -1, 0.8, 20)).isInstanceOf(BadRequestException.class)
        .hasMessageContaining("handle time");
    assertThatThrownBy(() -> ErlangC.staff(200, Double.NaN, 0.8, 20)).isInstanceOf(BadRequestException.class)
        .hasMessageContaining("handle time");
    assertThatThrownBy(() -> ErlangC.staff(200, 180, 1, 20)).isInstanceOf(BadRequestException.class)
        .hasMessageContaining("service level");
    assertThatThrownBy(() -> ErlangC.staff(200, 180, 0, 20)).isInstanceOf(BadRequestException.class)
        .hasMessageContaining("service level");
    assertThatThrownBy(() -> ErlangC.staff(200, 180, 0.8, -1)).isInstanceOf(BadRequestException.class)
        .hasMessageContaining("target answer time");
    assertThatThrownBy(() -> ErlangC.evaluate(200, 180, 0, 20)).isInstanceOf(BadRequestException.class)
        .hasMessageContaining("number of agents");
  }

  @Test
  void aLoadBeyondTheAgentBoundIsRefused() {
    assertThatThrownBy(() -> ErlangC.staff(1e9, 3600, 0.8, 20)).isInstanceOf(BadRequestException.class)
        .hasMessageContaining("more than " + ErlangC.MAX_AGENTS + " agents");
  }
}
