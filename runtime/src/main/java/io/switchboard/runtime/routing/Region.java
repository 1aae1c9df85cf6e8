package io.switchboard.runtime.routing;

import java.util.List;

/**
 * One region of the tree routing maps callers onto.
 *
 * @param id a slug, stable
 * @param parent the id of the enclosing region; null for a root (a country, say)
 * @param countries ISO 3166-1 alpha-2 codes of callers that belong here ({@code PL})
 * @param areas place names as {@link CallerRegion} gives them, in any of its languages ({@code Warszawa})
 * @param prefixes E.164 prefixes of callers' numbers ({@code +4822})
 */
public record Region(String id, String name, String parent, List<String> countries, List<String> areas,
    List<String> prefixes) {

  public Region {
    countries = countries == null ? List.of() : List.copyOf(countries);
    areas = areas == null ? List.of() : List.copyOf(areas);
    prefixes = prefixes == null ? List.of() : List.copyOf(prefixes);
  }
}
