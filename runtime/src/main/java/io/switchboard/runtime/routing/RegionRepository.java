package io.switchboard.runtime.routing;

import static io.switchboard.runtime.store.jooq.Tables.REGION;
import static io.switchboard.runtime.store.jooq.Tables.REGION_MATCH;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jooq.DSLContext;

/** The region tree's rows: one per region, one per match (kind {@code country}, {@code area} or {@code prefix}). */
public final class RegionRepository {
  private final DSLContext dsl;
  private final Clock clock;

  public RegionRepository(DSLContext dsl, Clock clock) {
    this.dsl = dsl;
    this.clock = clock;
  }

  /** Every region in the order it was saved, each with its matches in their order. */
  public List<Region> all() {
    Map<String, List<org.jooq.Record3<String, String, String>>> matches = dsl
        .select(REGION_MATCH.REGION_ID, REGION_MATCH.KIND, REGION_MATCH.MATCH_VALUE).from(REGION_MATCH)
        .orderBy(REGION_MATCH.REGION_ID, REGION_MATCH.SORT_ORDER).fetch().stream()
        .collect(Collectors.groupingBy(r -> r.value1()));
    return dsl.selectFrom(REGION).orderBy(REGION.SORT_ORDER).fetch(r -> {
      List<org.jooq.Record3<String, String, String>> own = matches.getOrDefault(r.getId(), List.of());
      return new Region(r.getId(), r.getName(), r.getParentId(), values(own, "country"), values(own, "area"),
          values(own, "prefix"));
    });
  }

  /** Replaces the whole tree in one transaction: on any error nothing of the new tree is kept. */
  public void replace(List<Region> regions, String user) {
    long now = clock.millis();
    dsl.transaction(configuration -> {
      DSLContext tx = configuration.dsl();
      tx.deleteFrom(REGION_MATCH).execute();
      tx.deleteFrom(REGION).execute();
      for (int i = 0; i < regions.size(); i++) {
        Region region = regions.get(i);
        tx.insertInto(REGION).set(REGION.ID, region.id()).set(REGION.NAME, region.name())
            .set(REGION.PARENT_ID, region.parent()).set(REGION.SORT_ORDER, i).set(REGION.UPDATED_AT, now)
            .set(REGION.UPDATED_BY, user).execute();
        List<String[]> matches = new ArrayList<>();
        region.countries().forEach(v -> matches.add(new String[] {"country", v}));
        region.areas().forEach(v -> matches.add(new String[] {"area", v}));
        region.prefixes().forEach(v -> matches.add(new String[] {"prefix", v}));
        for (int m = 0; m < matches.size(); m++) {
          tx.insertInto(REGION_MATCH).set(REGION_MATCH.REGION_ID, region.id()).set(REGION_MATCH.KIND, matches.get(m)[0])
              .set(REGION_MATCH.MATCH_VALUE, matches.get(m)[1]).set(REGION_MATCH.SORT_ORDER, m).execute();
        }
      }
    });
  }

  private static List<String> values(List<org.jooq.Record3<String, String, String>> matches, String kind) {
    return matches.stream().filter(m -> m.value2().equals(kind)).map(m -> m.value3()).toList();
  }
}
