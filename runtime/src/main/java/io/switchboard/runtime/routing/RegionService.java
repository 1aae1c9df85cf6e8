package io.switchboard.runtime.routing;

import io.switchboard.runtime.service.BadRequestException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The region tree: saved whole after checking it, and the place callers and values are mapped onto.
 * The most specific region wins: the deepest in the tree among those that match, then the strongest
 * match (for a caller a longer prefix, then an area, then a country), then the first saved.
 */
public final class RegionService {
  private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");
  private static final Pattern PREFIX = Pattern.compile("\\+[0-9]{1,15}");
  private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
  static final int MAX_REGIONS = 5000;
  static final int MAX_NAME_CHARS = 200;

  private final RegionRepository repository;

  public RegionService(RegionRepository repository) {
    this.repository = repository;
  }

  public RegionTree tree() {
    return new RegionTree(repository.all());
  }

  /**
   * Replaces the whole tree. Country codes are upper-cased, prefixes lose their spaces and
   * repeated matches are dropped; nothing is written unless the whole tree is valid.
   *
   * @throws BadRequestException naming the first region in error: an id that is not a slug or is
   *     used twice, an empty name, a parent that does not exist, a cycle, or a bad match
   * @return the tree as stored
   */
  public RegionTree replace(RegionTree tree, String user) {
    if (tree == null || tree.regions() == null) {
      throw new BadRequestException("the body is {\"regions\": [...]}, with every region of the tree");
    }
    if (tree.regions().size() > MAX_REGIONS) {
      throw new BadRequestException("a tree has at most " + MAX_REGIONS + " regions; this one has " + tree.regions().size());
    }
    List<Region> regions = new ArrayList<>();
    Map<String, Region> byId = new HashMap<>();
    for (int i = 0; i < tree.regions().size(); i++) {
      Region region = checked(tree.regions().get(i), i);
      if (byId.putIfAbsent(region.id(), region) != null) {
        throw new BadRequestException("region '" + region.id() + "' appears twice");
      }
      regions.add(region);
    }
    for (Region region : regions) {
      if (region.parent() != null && !byId.containsKey(region.parent())) {
        throw new BadRequestException("region '" + region.id() + "': its parent '" + region.parent() + "' is not in the tree");
      }
    }
    for (Region region : regions) {
      requireNoCycle(region, byId);
    }
    repository.replace(regions, user);
    return tree();
  }

  /** The most specific region a caller belongs to; empty for an invalid number or when none matches. */
  public Optional<ResolvedRegion> resolve(CallerRegion caller) {
    if (caller == null || !caller.valid()) {
      return Optional.empty();
    }
    Set<String> areas = new HashSet<>();
    caller.areaNames().forEach(a -> areas.add(key(a)));
    return best(repository.all(), region -> {
      int prefix = region.prefixes().stream().filter(p -> caller.e164().startsWith(p)).mapToInt(String::length)
          .max().orElse(0);
      if (prefix > 0) {
        return new Match("prefix", 100 + prefix);
      }
      if (region.areas().stream().anyMatch(a -> areas.contains(key(a)))) {
        return new Match("area", 2);
      }
      return region.countries().contains(caller.countryCode()) ? new Match("country", 1) : null;
    });
  }

  /**
   * The region a free-text value names (a flow variable, a CRM field): by its id, its name, one of
   * its areas or its country code, ignoring case, accents and surrounding spaces.
   */
  public Optional<ResolvedRegion> resolve(String value) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    String wanted = key(value);
    return best(repository.all(), region -> {
      if (key(region.id()).equals(wanted)) {
        return new Match("id", 4);
      }
      if (key(region.name()).equals(wanted)) {
        return new Match("name", 3);
      }
      if (region.areas().stream().anyMatch(a -> key(a).equals(wanted))) {
        return new Match("area", 2);
      }
      return region.countries().stream().anyMatch(c -> key(c).equals(wanted)) ? new Match("country", 1) : null;
    });
  }

  private record Match(String kind, int strength) {}

  private record Candidate(Region region, List<Region> path, Match match, int order) {}

  private static Optional<ResolvedRegion> best(List<Region> regions, java.util.function.Function<Region, Match> matcher) {
    Map<String, Region> byId = new LinkedHashMap<>();
    regions.forEach(r -> byId.put(r.id(), r));
    List<Candidate> candidates = new ArrayList<>();
    for (int i = 0; i < regions.size(); i++) {
      Match match = matcher.apply(regions.get(i));
      if (match != null) {
        candidates.add(new Candidate(regions.get(i), path(regions.get(i), byId), match, i));
      }
    }
    return candidates.stream()
        .min(Comparator.<Candidate>comparingInt(c -> -c.path().size())
            .thenComparingInt(c -> -c.match().strength()).thenComparingInt(Candidate::order))
        .map(c -> new ResolvedRegion(c.region(), c.path(), c.match().kind()));
  }

  private static List<Region> path(Region region, Map<String, Region> byId) {
    List<Region> path = new ArrayList<>();
    for (Region r = region; r != null && path.size() <= byId.size(); r = r.parent() == null ? null : byId.get(r.parent())) {
      path.addFirst(r);
    }
    return path;
  }

  private static Region checked(Region region, int index) {
    if (region == null) {
      throw new BadRequestException("region #" + (index + 1) + " is null");
    }
    String id = region.id();
    if (id == null || !SLUG.matcher(id).matches()) {
      throw new BadRequestException("region #" + (index + 1) + ": an id is 1 to 64 lower-case letters, digits, '-' or "
          + "'_', starting with a letter or digit; '" + id + "' is not");
    }
    String name = region.name() == null ? "" : region.name().strip();
    if (name.isEmpty() || name.length() > MAX_NAME_CHARS) {
      throw new BadRequestException("region '" + id + "': a name is 1 to " + MAX_NAME_CHARS + " characters");
    }
    String parent = region.parent() == null || region.parent().isBlank() ? null : region.parent().strip();
    if (id.equals(parent)) {
      throw new BadRequestException("region '" + id + "' cannot be its own parent");
    }
    List<String> countries = distinct(region.countries(), id, "country", c -> {
      String code = c.toUpperCase(Locale.ROOT);
      return COUNTRIES.contains(code) ? code : null;
    }, "an ISO 3166-1 alpha-2 country code such as PL");
    List<String> areas = distinct(region.areas(), id, "area",
        a -> a.length() <= MAX_NAME_CHARS ? a : null, "a place name of 1 to " + MAX_NAME_CHARS + " characters");
    List<String> prefixes = distinct(region.prefixes(), id, "prefix", p -> {
      String compact = p.replaceAll("[\\s-]", "");
      return PREFIX.matcher(compact).matches() ? compact : null;
    }, "'+' and 1 to 15 digits of an E.164 number, such as +4822");
    return new Region(id, name, parent, countries, areas, prefixes);
  }

  /** Normalised values, each once (as MySQL's case- and accent-insensitive key would have them). */
  private static List<String> distinct(List<String> values, String id, String what,
      java.util.function.UnaryOperator<String> normalise, String expected) {
    Map<String, String> kept = new LinkedHashMap<>();
    for (String raw : values) {
      String value = raw == null || raw.isBlank() ? null : normalise.apply(raw.strip());
      if (value == null) {
        throw new BadRequestException("region '" + id + "': " + what + " '" + raw + "' is not " + expected);
      }
      kept.putIfAbsent(key(value), value);
    }
    return List.copyOf(kept.values());
  }

  private static void requireNoCycle(Region region, Map<String, Region> byId) {
    Set<String> seen = new HashSet<>();
    for (Region r = region; r.parent() != null; r = byId.get(r.parent())) {
      if (!seen.add(r.id())) {
        throw new BadRequestException("region '" + region.id() + "': the parents above it form a cycle");
      }
    }
  }

  /** Lower case without accents or repeated spaces: "  Kraków " and "krakow" are one key. */
  static String key(String text) {
    String plain = Normalizer.normalize(text.strip(), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    return plain.replace('ł', 'l').replace('Ł', 'L').replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }
}
