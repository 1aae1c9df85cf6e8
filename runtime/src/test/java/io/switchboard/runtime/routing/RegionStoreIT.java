package io.switchboard.runtime.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.switchboard.runtime.store.Databases;
import io.switchboard.runtime.store.TestDatabases;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The region tree on H2 and on MySQL (MariaDB on CI's machine): stored whole, replaced whole, resolved. */
class RegionStoreIT {
  private static final List<Region> TREE = List.of(
      new Region("poland", "Polska", null, List.of("pl"), List.of(), List.of()),
      new Region("mazowieckie", "Mazowieckie", "poland", List.of(), List.of("Warszawa"), List.of("+48 22")),
      new Region("malopolskie", "Małopolskie", "poland", List.of(), List.of("Krakow", "Kraków"), List.of()),
      new Region("germany", "Deutschland", null, List.of("DE"), List.of(), List.of()),
      new Region("berlin", "Berlin", "germany", List.of(), List.of(), List.of("+4930")));

  private HikariDataSource dataSource;

  static List<TestDatabases.Kind> databases() {
    return TestDatabases.all();
  }

  private RegionRepository open(TestDatabases.Kind kind) {
    if (kind.name().equals("MySQL") && !TestDatabases.mysqlReachable()) {
      System.out.println("SKIPPED: MySQL region tests - no MySQL-compatible server on 127.0.0.1:3306");
      Assumptions.abort("no MySQL-compatible server on 127.0.0.1:3306: MySQL region tests skipped");
    }
    dataSource = kind.create().get();
    return new RegionRepository(Databases.dsl(dataSource), Clock.systemUTC());
  }

  @AfterEach
  void close() {
    if (dataSource != null) {
      TestDatabases.dispose(dataSource);
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void theTreeIsStoredInItsOrderWithNormalisedMatches(TestDatabases.Kind kind) {
    RegionService service = new RegionService(open(kind));

    RegionTree stored = service.replace(new RegionTree(TREE), "sue");

    assertThat(stored.regions()).extracting(Region::id)
        .containsExactly("poland", "mazowieckie", "malopolskie", "germany", "berlin");
    assertThat(stored.regions().getFirst().countries()).containsExactly("PL");
    assertThat(stored.regions().get(1).prefixes()).containsExactly("+4822");
    assertThat(stored.regions().get(2).areas()).as("one place, as MySQL's accent-blind key sees it")
        .containsExactly("Krakow");
    assertThat(stored.regions().get(2).name()).isEqualTo("Małopolskie");
    assertThat(service.tree()).isEqualTo(stored);
  }

  @ParameterizedTest
  @MethodSource("databases")
  void aNewTreeReplacesTheOldOneAndAFailedWriteKeepsIt(TestDatabases.Kind kind) {
    RegionRepository repository = open(kind);
    RegionService service = new RegionService(repository);
    service.replace(new RegionTree(TREE), "sue");

    Region twice = new Region("north", "North", null, List.of(), List.of(), List.of());
    assertThatThrownBy(() -> repository.replace(List.of(twice, twice), "sue")).isInstanceOf(RuntimeException.class);
    assertThat(service.tree().regions()).hasSize(5);

    service.replace(new RegionTree(List.of(twice)), "sue");
    assertThat(service.tree().regions()).containsExactly(twice);
  }

  @ParameterizedTest
  @MethodSource("databases")
  void callersAndValuesResolveToTheMostSpecificRegion(TestDatabases.Kind kind) {
    RegionService service = new RegionService(open(kind));
    service.replace(new RegionTree(TREE), "sue");

    assertThat(service.resolve(CallerRegion.of("+48 22 123 45 67", null))).hasValueSatisfying(r -> {
      assertThat(r.pathIds()).containsExactly("poland", "mazowieckie");
      assertThat(r.matchedBy()).isEqualTo("prefix");
    });
    assertThat(service.resolve(CallerRegion.of("12 345 67 89", "PL"))).hasValueSatisfying(r -> {
      assertThat(r.pathIds()).containsExactly("poland", "malopolskie");
      assertThat(r.matchedBy()).isEqualTo("area");
    });
    assertThat(service.resolve(CallerRegion.of("+48 501 234 567", null))).hasValueSatisfying(r -> {
      assertThat(r.pathIds()).containsExactly("poland");
      assertThat(r.matchedBy()).isEqualTo("country");
    });
    assertThat(service.resolve(CallerRegion.of("+49 30 23125678", null)).map(ResolvedRegion::pathIds))
        .contains(List.of("germany", "berlin"));
    assertThat(service.resolve(CallerRegion.of("+1 212 555 0123", null))).isEmpty();
    assertThat(service.resolve(CallerRegion.of("not a number", "PL"))).isEmpty();

    assertThat(service.resolve(" Małopolskie ").map(ResolvedRegion::matchedBy)).as("accents and case aside, the id").contains("id");
    assertThat(service.resolve("polska").map(ResolvedRegion::matchedBy)).contains("name");
    assertThat(service.resolve("warszawa").map(ResolvedRegion::pathIds)).contains(List.of("poland", "mazowieckie"));
    assertThat(service.resolve("berlin").map(ResolvedRegion::matchedBy)).contains("id");
    assertThat(service.resolve("de").map(ResolvedRegion::pathIds)).contains(List.of("germany"));
    assertThat(service.resolve("Atlantis")).isEmpty();
  }
}
