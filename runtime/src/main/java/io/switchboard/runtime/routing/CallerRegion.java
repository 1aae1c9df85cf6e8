package io.switchboard.runtime.routing;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import com.google.i18n.phonenumbers.geocoding.PhoneNumberOfflineGeocoder;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where a caller's number is from, read offline from the numbering plans of Google's libphonenumber
 * and its geocoder. A number that is not valid is a value with its {@link Problem}, not an exception.
 *
 * @param valid whether the number exists in its country's numbering plan
 * @param problem why it is not valid; null when it is
 * @param e164 the number in E.164 form ({@code +48221234567}); null when not valid
 * @param countryCode ISO 3166-1 alpha-2 code ({@code PL}); null when not valid or not geographic (+800 …)
 * @param country the country's name in English ({@code Poland}); null with {@code countryCode}
 * @param area the place in English where the numbering plan tells it ({@code Warsaw},
 *     {@code New York, NY}); null for mobile and other numbers with no place
 * @param areaNames every name of that place in English and the languages of its country
 *     ({@code [Warsaw, Warszawa]}), English first; empty when {@code area} is null
 * @param numberType the plan's type in lower case: {@code fixed_line}, {@code mobile},
 *     {@code fixed_line_or_mobile}, {@code toll_free}, {@code premium_rate}, {@code shared_cost},
 *     {@code voip}, {@code personal_number}, {@code pager}, {@code uan}, {@code voicemail} or
 *     {@code unknown}; null when not valid
 */
public record CallerRegion(boolean valid, Problem problem, String e164, String countryCode, String country, String area,
    List<String> areaNames, String numberType) {

  private static final PhoneNumberUtil NUMBERS = PhoneNumberUtil.getInstance();
  private static final PhoneNumberOfflineGeocoder GEOCODER = PhoneNumberOfflineGeocoder.getInstance();
  /** The languages spoken in a country, as far as the JDK's locales know them. */
  private static final Map<String, List<Locale>> LANGUAGES = new ConcurrentHashMap<>();
  /** The longest input looked at; libphonenumber itself refuses more than 250 characters. */
  private static final int MAX_INPUT_CHARS = 250;

  public CallerRegion {
    areaNames = areaNames == null ? List.of() : List.copyOf(areaNames);
  }

  /** Why a number is not valid. */
  public enum Problem {
    EMPTY("no number was given"),
    NOT_A_NUMBER("this is not a phone number"),
    NO_COUNTRY("a national number needs a default country, given as an ISO code such as PL"),
    INVALID_COUNTRY_CODE("no country has this calling code"),
    TOO_SHORT("the number is too short for its country"),
    TOO_LONG("the number is too long for its country"),
    NOT_IN_PLAN("no such number exists in its country's numbering plan");

    private final String message;

    Problem(String message) {
      this.message = message;
    }

    /** The code in lower case, as the API and flows read it: {@code too_short}. */
    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }

    public String message() {
      return message;
    }
  }

  /**
   * Looks a number up.
   *
   * @param number in E.164 ({@code +48 22 123 45 67}) or national form ({@code 022 123 45 67})
   * @param defaultCountry the ISO code national numbers belong to; may be null for E.164 numbers
   */
  public static CallerRegion of(String number, String defaultCountry) {
    if (number == null || number.isBlank()) {
      return invalid(Problem.EMPTY);
    }
    if (number.length() > MAX_INPUT_CHARS) {
      return invalid(Problem.NOT_A_NUMBER);
    }
    String region = defaultCountry == null ? null : defaultCountry.strip().toUpperCase(Locale.ROOT);
    PhoneNumber parsed;
    try {
      parsed = NUMBERS.parse(number, region);
    } catch (NumberParseException e) {
      return invalid(switch (e.getErrorType()) {
        case INVALID_COUNTRY_CODE -> number.strip().startsWith("+") ? Problem.INVALID_COUNTRY_CODE : Problem.NO_COUNTRY;
        case TOO_SHORT_NSN, TOO_SHORT_AFTER_IDD -> Problem.TOO_SHORT;
        case TOO_LONG -> Problem.TOO_LONG;
        case NOT_A_NUMBER -> Problem.NOT_A_NUMBER;
      });
    }
    if (!NUMBERS.isValidNumber(parsed)) {
      return invalid(switch (NUMBERS.isPossibleNumberWithReason(parsed)) {
        case TOO_SHORT -> Problem.TOO_SHORT;
        case TOO_LONG -> Problem.TOO_LONG;
        case INVALID_COUNTRY_CODE -> Problem.INVALID_COUNTRY_CODE;
        case IS_POSSIBLE, IS_POSSIBLE_LOCAL_ONLY, INVALID_LENGTH -> Problem.NOT_IN_PLAN;
      });
    }
    String iso = NUMBERS.getRegionCodeForNumber(parsed);
    boolean geographic = iso != null && iso.length() == 2 && !iso.equals(PhoneNumberUtil.REGION_CODE_FOR_NON_GEO_ENTITY);
    Set<String> names = geographic ? areaNames(parsed, iso) : Set.of();
    return new CallerRegion(true, null, NUMBERS.format(parsed, PhoneNumberFormat.E164), geographic ? iso : null,
        geographic ? Locale.of("", iso).getDisplayCountry(Locale.ENGLISH) : null,
        names.isEmpty() ? null : names.iterator().next(), List.copyOf(names),
        NUMBERS.getNumberType(parsed).name().toLowerCase(Locale.ROOT));
  }

  private static CallerRegion invalid(Problem problem) {
    return new CallerRegion(false, problem, null, null, null, null, List.of(), null);
  }

  /** The geocoder answers with the country's name when it knows no place: that is no area. */
  private static Set<String> areaNames(PhoneNumber number, String iso) {
    Set<String> names = new LinkedHashSet<>();
    for (Locale language : languages(iso)) {
      String description = GEOCODER.getDescriptionForValidNumber(number, language);
      if (!description.isEmpty() && !description.equals(Locale.of("", iso).getDisplayCountry(language))) {
        names.add(description);
      }
    }
    return names;
  }

  private static List<Locale> languages(String iso) {
    return LANGUAGES.computeIfAbsent(iso, country -> {
      List<Locale> languages = new java.util.ArrayList<>(List.of(Locale.ENGLISH));
      Arrays.stream(Locale.getAvailableLocales())
          .filter(l -> l.getCountry().equals(country) && l.getScript().isEmpty() && l.getVariant().isEmpty())
          .map(l -> Locale.of(l.getLanguage())).filter(l -> !l.equals(Locale.ENGLISH)).distinct()
          .sorted(java.util.Comparator.comparing(Locale::getLanguage)).forEach(languages::add);
      return List.copyOf(languages);
    });
  }
}
