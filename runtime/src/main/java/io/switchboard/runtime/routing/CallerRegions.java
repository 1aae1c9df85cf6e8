package io.switchboard.runtime.routing;

import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Turns the region hint a route step gives (the caller's number, a region id or name, an address
 * variable) into a region of the tree: a phone number through libphonenumber and its geocoder
 * (country and, where the numbering plan tells, the area), anything else by id, name, area or country.
 */
public final class CallerRegions {
  private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 ()./-]{4,}");

  private CallerRegions() {}

  public static Function<String, Optional<ResolvedRegion>> resolver(RegionService regions, String defaultCountry) {
    return hint -> {
      if (hint == null || hint.isBlank()) {
        return Optional.empty();
      }
      String value = hint.strip();
      return PHONE.matcher(value).matches() ? regions.resolve(CallerRegion.of(value, defaultCountry))
          : regions.resolve(value);
    };
  }
}
