package io.switchboard.runtime.routing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Numbers from ranges set aside for drama and documentation where a country has one (the US 555-01xx
 * numbers, Ofcom's 020 7946 0xxx, the Bundesnetzagentur's Berlin 030 23125 xxx); Warsaw's is a
 * made-up subscriber in the real 22 area.
 */
class CallerRegionTest {

  @Test
  void aWarsawNumberInE164IsAPolishFixedLineInWarsaw() {
    CallerRegion caller = CallerRegion.of("+48 22 123 45 67", null);

    assertThat(caller.valid()).isTrue();
    assertThat(caller.problem()).isNull();
    assertThat(caller.e164()).isEqualTo("+48221234567");
    assertThat(caller.countryCode()).isEqualTo("PL");
    assertThat(caller.country()).isEqualTo("Poland");
    assertThat(caller.area()).isEqualTo("Warsaw");
    assertThat(caller.areaNames()).containsExactly("Warsaw", "Warszawa");
    assertThat(caller.numberType()).isEqualTo("fixed_line");
  }

  @Test
  void aNationalNumberTakesTheDefaultCountry() {
    CallerRegion caller = CallerRegion.of("22 123 45 67", "pl");

    assertThat(caller.e164()).isEqualTo("+48221234567");
    assertThat(caller.areaNames()).contains("Warszawa");
  }

  @ParameterizedTest(name = "{0} ({1}) is in {3}, {2}")
  @CsvSource(delimiter = '|', value = {
      "+49 30 23125678 |    | DE | Germany        | Berlin       | fixed_line",
      "030 23125678    | DE | DE | Germany        | Berlin       | fixed_line",
      "+1 212 555 0123 |    | US | United States  | New York, NY | fixed_line_or_mobile",
      "(212) 555-0199  | US | US | United States  | New York, NY | fixed_line_or_mobile",
      "+44 20 7946 0123|    | GB | United Kingdom | London       | fixed_line",
      "+48 12 345 67 89|    | PL | Poland         | Kraków       | fixed_line"})
  void fixedLinesTellTheirPlace(String number, String defaultCountry, String iso, String country, String area,
      String type) {
    CallerRegion caller = CallerRegion.of(number, defaultCountry);

    assertThat(caller.valid()).isTrue();
    assertThat(caller.countryCode()).isEqualTo(iso);
    assertThat(caller.country()).isEqualTo(country);
    assertThat(caller.area()).isEqualTo(area);
    assertThat(caller.numberType()).isEqualTo(type);
  }

  @Test
  void aMobileNumberHasACountryButNoPlace() {
    CallerRegion caller = CallerRegion.of("+48 501 234 567", null);

    assertThat(caller.valid()).isTrue();
    assertThat(caller.countryCode()).isEqualTo("PL");
    assertThat(caller.area()).isNull();
    assertThat(caller.areaNames()).isEmpty();
    assertThat(caller.numberType()).isEqualTo("mobile");
  }

  @Test
  void aNonGeographicNumberHasNoCountry() {
    CallerRegion caller = CallerRegion.of("+800 1234 5678", null);

    assertThat(caller.valid()).isTrue();
    assertThat(caller.countryCode()).isNull();
    assertThat(caller.country()).isNull();
    assertThat(caller.numberType()).isEqualTo("toll_free");
  }

  @ParameterizedTest(name = "''{0}'' ({1}) is invalid: {2}")
  @CsvSource(delimiter = '|', value = {
      "                  | PL | empty",
      "hello             | PL | not_a_number",
      "22 123 45 67      |    | no_country",
      "22 123 45 67      | XX | no_country",
      "+999 123 456      |    | invalid_country_code",
      "+48 12345         |    | too_short",
      "+48 61 234 567    |    | not_in_plan",
      "+44 1632 960123   |    | not_in_plan"})
  void invalidNumbersSayWhy(String number, String defaultCountry, String code) {
    CallerRegion caller = CallerRegion.of(number, defaultCountry);

    assertThat(caller.valid()).isFalse();
    assertThat(caller.problem().code()).isEqualTo(code);
    assertThat(caller.problem().message()).isNotBlank();
    assertThat(caller.e164()).isNull();
    assertThat(caller.countryCode()).isNull();
  }
}
