package io.switchboard.runtime.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.switchboard.runtime.service.BadRequestException;
import io.switchboard.runtime.service.NotFoundException;
import io.switchboard.runtime.store.TestDatabases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The knowledge base on H2 and MySQL: versions, validation, imports, the index after restarts and on two instances. */
class KnowledgeStoreIT {
  private static final ArticleDraft GPS = new ArticleDraft("Navigation unit freezes in Gdańsk",
      "The *Garmin Drive 52* freezes on the bridge.", "Turn it **off and on** again.", "Garmin Drive 52", "EN",
      List.of("GPS", "freeze"), null);

  private static final String ROUTER_MD = """
        ---
        title: Router blinks red
        product: "FRITZ!Box 7590"
        language: en
        tags: [router, internet]
        status: published
        ---
        ## Problem
        The **internet** light blinks red.

        ## Solution
        Restart the router.
        """;

  @TempDir
  Path folder;
  private HikariDataSource dataSource;
  private final List<KnowledgeRig> rigs = new java.util.ArrayList<>();

  static List<TestDatabases.Kind> databases() {
    return TestDatabases.all();
  }

  private KnowledgeRig rig(TestDatabases.Kind kind) {
    if (kind.name().equals("MySQL") && !TestDatabases.mysqlReachable()) {
      Assumptions.abort("no MySQL-compatible server on 127.0.0.1:3306: MySQL knowledge tests skipped");
    }
    dataSource = kind.create().get();
    return start("a");
  }

  private KnowledgeRig start(String instance) {
    KnowledgeRig rig = new KnowledgeRig(dataSource, folder.resolve(instance));
    rigs.add(rig);
    return rig;
  }

  private void stop(KnowledgeRig rig) {
    rig.close();
    rigs.remove(rig);
  }

  @AfterEach
  void dispose() {
    rigs.forEach(KnowledgeRig::close);
    if (dataSource != null) {
      TestDatabases.dispose(dataSource);
    }
  }

  private static List<String> titles(KnowledgeRig rig, String text) {
    return rig.service.search(SearchRequest.published(text, null, null, List.of(), 10)).stream()
        .map(SearchHit::title).toList();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void everySaveIsAVersionWithWhoAndWhen(TestDatabases.Kind kind) {
    KnowledgeService knowledge = rig(kind).service;
    Article draft = knowledge.create(GPS, "sue");
    assertThat(draft.status()).isEqualTo(ArticleStatus.DRAFT);
    assertThat(draft.language()).isEqualTo("en");
    assertThat(draft.tags()).containsExactly("gps", "freeze");
    Article edited = knowledge.update(draft.id(), new ArticleDraft("Navigation unit freezes on the Gdańsk bridge",
        GPS.problem(), GPS.solution(), GPS.product(), "en", GPS.tags(), null), "tom");
    Article published = knowledge.publish(draft.id(), "ann");
    knowledge.archive(draft.id(), "ann");

    List<ArticleVersion> versions = knowledge.versions(draft.id());
    assertThat(versions).extracting(ArticleVersion::version).containsExactly(4, 3, 2, 1);
    assertThat(versions).extracting(ArticleVersion::savedBy).containsExactly("ann", "ann", "tom", "sue");
    assertThat(versions).extracting(ArticleVersion::status).containsExactly(ArticleStatus.ARCHIVED,
        ArticleStatus.PUBLISHED, ArticleStatus.DRAFT, ArticleStatus.DRAFT);
    assertThat(versions.get(3).title()).isEqualTo("Navigation unit freezes in Gdańsk");
    assertThat(edited.version()).isEqualTo(2);
    assertThat(published.title()).isEqualTo("Navigation unit freezes on the Gdańsk bridge");
    assertThat(knowledge.get(draft.id()).status()).isEqualTo(ArticleStatus.ARCHIVED);
    assertThat(knowledge.list(new ArticleFilter("garmin drive 52", "en", "gps", ArticleStatus.ARCHIVED, 0, 10)))
        .extracting(Article::id).containsExactly(draft.id());
    assertThat(knowledge.list(new ArticleFilter(null, null, "router", null, 0, 10))).isEmpty();

    knowledge.delete(draft.id());
    assertThatThrownBy(() -> knowledge.get(draft.id())).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> knowledge.versions(draft.id())).isInstanceOf(NotFoundException.class);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void badArticlesAreRefusedWithTheFieldNamed(TestDatabases.Kind kind) {
    KnowledgeService knowledge = rig(kind).service;
    assertThatThrownBy(() -> knowledge.create(new ArticleDraft(" ", "p", "s", null, "en", List.of(), null), "sue"))
        .isInstanceOf(BadRequestException.class).hasMessageStartingWith("title:");
    assertThatThrownBy(() -> knowledge.create(new ArticleDraft("t", "p", "", null, "en", List.of(), null), "sue"))
        .hasMessageStartingWith("solution:");
    assertThatThrownBy(() -> knowledge.create(new ArticleDraft("t", "p", "s", null, "xx", List.of(), null), "sue"))
        .hasMessageStartingWith("language: 'xx' is not one of en, pl, es, hu, de");
    assertThatThrownBy(() -> knowledge.create(new ArticleDraft("t", "p", "s", null, "en", List.of("a|b"), null), "sue"))
        .hasMessageStartingWith("tags:");
    assertThatThrownBy(() -> knowledge.create(new ArticleDraft("t", "p", "s", null, "en", List.of(), "gone"), "sue"))
        .hasMessageStartingWith("status: 'gone'");
    assertThat(knowledge.list(ArticleFilter.ALL)).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void anImportWithABadRowReportsItsLineAndImportsNothing(TestDatabases.Kind kind) {
    KnowledgeService knowledge = rig(kind).service;
    ImportResult bad = knowledge.importCsv("""
        title,problem,solution,product,language,tags,status
        Printer jams,"Paper jams
        in tray 2",Open tray 2 and take the paper out.,HP LaserJet M110,en,printer;paper,published
        Router blinks,The light blinks,,FRITZ!Box 7590,en,router,published
        Drucker,Papierstau,Fach 2 öffnen,,xx,drucker,draft
        """, "sue");
    assertThat(bad.imported()).isZero();
    assertThat(bad.problems()).extracting(ImportResult.Problem::line).containsExactly(4, 5);
    assertThat(bad.problems().get(0).message()).startsWith("solution:");
    assertThat(bad.problems().get(1).message()).startsWith("language: 'xx'");
    assertThat(knowledge.list(ArticleFilter.ALL)).isEmpty();
    assertThat(knowledge.search(SearchRequest.published("printer jams", null, null, List.of(), 5))).isEmpty();

    ImportResult good = knowledge.importCsv("""
        TITLE,Solution,Language,Tags,Status,Product,Problem
        Printer jams,Open tray 2 and take the paper out.,en,printer|paper,published,HP LaserJet M110,Paper jams
        """, "sue");
    assertThat(good.imported()).isEqualTo(1);
    Article imported = knowledge.list(ArticleFilter.ALL).getFirst();
    assertThat(imported.tags()).containsExactly("printer", "paper");
    assertThat(imported.author()).isEqualTo("sue");
    assertThat(knowledge.search(SearchRequest.published("printer jams", null, null, List.of(), 5)))
        .extracting(SearchHit::title).containsExactly("Printer jams");

    ImportResult markdown = knowledge.importMarkdown(Map.of("router.md", ROUTER_MD, "broken.md", """
        ---
        title: No language
        colour: blue
        ---
        Body.
        """), "tom");
    assertThat(markdown.imported()).isZero();
    assertThat(markdown.problems()).extracting(ImportResult.Problem::source, ImportResult.Problem::line)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("broken.md", 3));
    ImportResult md = knowledge.importMarkdown(Map.of("router.md", ROUTER_MD), "tom");
    assertThat(md.imported()).isEqualTo(1);
    Article router = knowledge.list(new ArticleFilter(null, null, "internet", null, 0, 10)).getFirst();
    assertThat(router.problem()).isEqualTo("The **internet** light blinks red.");
    assertThat(router.solution()).isEqualTo("Restart the router.");
    assertThat(router.product()).isEqualTo("FRITZ!Box 7590");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void theIndexIsRebuiltWhenItsFolderIsGoneOrItIsStale(TestDatabases.Kind kind) throws IOException {
    KnowledgeRig first = rig(kind).withSample();
    assertThat(titles(first, "Garmin satellites")).contains("GPS unit finds no satellites");
    stop(first);

    KnowledgeRig again = start("a");
    assertThat(again.rebuiltAtStart).as("an index that is current is kept").isFalse();
    stop(again);

    deleteFolder(folder.resolve("a"));
    KnowledgeRig rebuilt = start("a");
    assertThat(rebuilt.rebuiltAtStart).isTrue();
    assertThat(titles(rebuilt, "Garmin satellites")).contains("GPS unit finds no satellites");
    stop(rebuilt);

    KnowledgeRig other = start("b");
    other.service.create(new ArticleDraft("Satellite dish lost", "No picture from the dish", "Realign it", null, "en",
        List.of(), "published"), "sue");
    stop(other);
    KnowledgeRig stale = start("a");
    assertThat(stale.rebuiltAtStart).as("the database changed while it was stopped").isTrue();
    assertThat(titles(stale, "satellite dish")).first().isEqualTo("Satellite dish lost");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void twoInstancesOnOneDatabaseStayInStep(TestDatabases.Kind kind) {
    KnowledgeRig a = rig(kind);
    KnowledgeRig b = start("b");
    Article article = a.service.create(new ArticleDraft("Modem reboots at night", "The modem restarts at 3 am",
        "This is the nightly update; nothing to do.", "TP-Link Archer C6", "en", List.of("router"), "published"), "sue");
    assertThat(titles(a, "modem reboots")).containsExactly("Modem reboots at night");
    assertThat(titles(b, "modem reboots")).as("before b catches up").isEmpty();
    assertThat(b.sync.catchUp()).isEqualTo(1);
    assertThat(titles(b, "modem reboots")).containsExactly("Modem reboots at night");
    assertThat(b.sync.catchUp()).as("nothing new").isZero();

    a.service.update(article.id(), new ArticleDraft("Modem restarts every night", "The modem restarts at 3 am",
        "This is the nightly update.", "TP-Link Archer C6", "en", List.of("router"), null), "tom");
    b.sync.catchUp();
    assertThat(titles(b, "modem")).containsExactly("Modem restarts every night");

    double before = b.service.search(SearchRequest.published("modem", null, null, List.of(), 1)).getFirst().score();
    for (int i = 0; i < 5; i++) {
      a.service.feedback(article.id(), Feedback.HELPED);
      a.service.feedback(article.id(), Feedback.SENT);
    }
    b.sync.catchUp();
    double after = b.service.search(SearchRequest.published("modem", null, null, List.of(), 1)).getFirst().score();
    assertThat(after / before).isCloseTo(ArticleDocument.usageBoost(10), org.assertj.core.data.Offset.offset(1e-4));

    a.service.archive(article.id(), "ann");
    b.sync.catchUp();
    assertThat(titles(b, "modem")).isEmpty();
    a.service.delete(article.id());
    b.sync.catchUp();
    assertThat(b.service.search(new SearchRequest("modem", null, null, List.of(),
        java.util.EnumSet.allOf(ArticleStatus.class), 5, false))).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void whatHelpedRisesAboveWhatMatchedAsWell(TestDatabases.Kind kind) {
    KnowledgeRig rig = rig(kind).withSample();
    List<SearchHit> hits = rig.service.search(SearchRequest.published("router internet", null, null, List.of(), 3));
    SearchHit third = hits.get(2);
    assertThat(hits.getFirst().score()).isGreaterThan(third.score());
    for (int i = 0; i < 10; i++) {
      rig.service.feedback(third.id(), Feedback.HELPED);
    }
    rig.service.feedback(third.id(), Feedback.NOT_HELPED);
    SearchHit now = rig.service.search(new SearchRequest("router internet", null, null, List.of(), null, 3, true))
        .getFirst();
    assertThat(now.id()).isEqualTo(third.id());
    assertThat(now.explanation()).contains(String.valueOf(ArticleDocument.usageBoost(10)).substring(0, 5) )
        .contains("usage boost");
    Article counted = rig.service.get(third.id());
    assertThat(counted.helped()).isEqualTo(10);
    assertThat(counted.notHelped()).isEqualTo(1);
  }

  private static void deleteFolder(Path path) throws IOException {
    try (Stream<Path> files = Files.walk(path)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
    assertThat(path).doesNotExist();
  }
}
