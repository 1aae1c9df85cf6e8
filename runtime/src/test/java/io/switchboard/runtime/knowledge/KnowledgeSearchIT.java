package io.switchboard.runtime.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.switchboard.runtime.node.knowledge.KnowledgeLookup;
import io.switchboard.runtime.store.TestDatabases;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Search quality on the shipped sample base: the expected article comes first for each kind of question. */
class KnowledgeSearchIT {
  @TempDir
  static Path folder;
  static HikariDataSource dataSource;
  static KnowledgeRig rig;

  @BeforeAll
  static void load() {
    dataSource = TestDatabases.h2();
    rig = new KnowledgeRig(dataSource, folder.resolve("index")).withSample();
  }

  @AfterAll
  static void dispose() {
    rig.close();
    TestDatabases.dispose(dataSource);
  }

  static List<SearchHit> search(String text, String language) {
    return rig.service.search(SearchRequest.published(text, language, null, List.of(), 5));
  }

  static String top(String text, String language) {
    List<SearchHit> hits = search(text, language);
    return hits.isEmpty() ? null : hits.getFirst().title();
  }

  @ParameterizedTest(name = "{0} [{1}] -> {2}")
  @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
      GPS unit finds no satellites          | en | GPS unit finds no satellites
      Garmn Drive finds no satelites        | -  | GPS unit finds no satellites
      Nawigacja GPS nie dziala              | -  | Nawigacja GPS nie działa
      nawigacja nie dziala                  | pl | Nawigacja GPS nie działa
      Drukarka drukuje puste strony         | pl | Drukarka drukuje puste strony
      Navi findet keine Satelliten          | de | Das Navi findet keine Satelliten
      """)
  void exactAndMisspelledQuestionsFindTheirArticle(String text, String language, String expected) {
    assertThat(top(text, language)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} [{1}] -> {2}")
  @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
      printing printers blank                 | en | Printer prints blank pages
      drukarki drukujące pustą stronę         | pl | Drukarka drukuje puste strony
      impresoras imprimiendo blancas          | es | La impresora imprime páginas en blanco
      nyomtatóval üres oldalakkal             | hu | A nyomtató üres oldalakat nyomtat
      Druckern leerer Seite                   | de | Drucker druckt leere Seiten
      """)
  void stemmedFormsMatchInEveryLanguage(String text, String language, String expected) {
    assertThat(top(text, language)).isEqualTo(expected);
  }

  /** Each name is more than two edits away (or differs in its first letter), so only its sound can match. */
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      Saragossa                             | El router no tiene conexión a internet
      Kemnitz                               | Paket nach Chemnitz kommt zu spät
      Notingem                              | No internet after a power cut
      Debreczen                             | A router nem csatlakozik az internethez
      """)
  void misspelledPlaceNamesStillSoundRight(String text, String expected) {
    assertThat(top(text, null)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      Krakova                               | Przesyłka do Krakowa się spóźnia
      Sekesfehervar                         | Számlázási cím módosítása
      Dusseldorf                            | Router hat keine Internetverbindung
      Garmn Drive                           | GPS unit finds no satellites
      """)
  void namesWithoutTheirAccentsOrWithATypoAreFound(String text, String expected) {
    assertThat(search(text, null)).extracting(SearchHit::title).contains(expected);
  }

  @Test
  void aWholeEmailIsSearchedByItsMostSignificantTerms() {
    String email = """
        Hello,

        I hope you are well. I am writing because since last Tuesday our home network has been a real problem.
        The wireless keeps dropping every few minutes: my daughter's laptop and both our phones lose the Wi-Fi,
        then they reconnect by themselves after a while. Funnily enough the computer connected with a cable
        works without any trouble. The router is the FRITZ!Box we got from you two years ago and it sits in
        the kitchen. Could you tell me what to do? We work from home and this is very annoying.

        Kind regards,
        Margaret Thompson
        """;
    assertThat(top(email, null)).isEqualTo("Router keeps dropping the Wi-Fi connection");
    assertThat(top(email, "en")).isEqualTo("Router keeps dropping the Wi-Fi connection");
  }

  @Test
  void filtersByProductLanguageAndTagsOnlyNarrow() {
    List<SearchHit> hits = rig.service.search(SearchRequest.published("printer blank pages offline", null,
        "hp laserjet m110", List.of(), 20));
    assertThat(hits).isNotEmpty().allSatisfy(h -> assertThat(h.product()).isEqualTo("HP LaserJet M110"));
    assertThat(rig.service.search(SearchRequest.published("router", "de", null, List.of(), 20)))
        .isNotEmpty().allSatisfy(h -> assertThat(h.language()).isEqualTo("de"));
    assertThat(rig.service.search(SearchRequest.published("router internet", null, null, List.of("outage"), 20)))
        .extracting(SearchHit::title).containsExactly("No internet after a power cut");
  }

  @Test
  void draftsAndArchivedArticlesAreFoundOnlyWhenAskedFor() {
    assertThat(search("beta firmware Drive 52", "en")).extracting(SearchHit::title)
        .doesNotContain("Beta firmware for the Drive 52");
    assertThat(rig.service.search(new SearchRequest("beta firmware", "en", null, List.of(),
        Set.of(ArticleStatus.DRAFT), 5, false))).extracting(SearchHit::title).containsExactly("Beta firmware for the Drive 52");
    assertThat(rig.service.search(new SearchRequest("Speedport W 724V", null, null, List.of(),
        Set.of(ArticleStatus.ARCHIVED, ArticleStatus.PUBLISHED), 5, false)).getFirst().status())
        .isEqualTo(ArticleStatus.ARCHIVED);
  }

  @Test
  void snippetsMarkTheMatchingWordsAndEscapeEverythingElse() {
    SearchHit hit = search("acquiring satellites", "en").getFirst();
    assertThat(String.join(" ", hit.snippets())).contains("<mark>Acquiring</mark>").contains("&quot;")
        .doesNotContain("\"Acquiring");
  }

  @Test
  void theScoreIsExplainedOnRequest() {
    SearchHit hit = rig.service.search(new SearchRequest("blank pages", "en", null, List.of(), Set.of(), 1, true))
        .getFirst();
    assertThat(hit.explanation()).contains("weight(").contains(String.valueOf((float) hit.score()).substring(0, 3));
    assertThat(search("blank pages", "en").getFirst().explanation()).isNull();
  }

  @Test
  void theFlowsLookupAnswersWithThePlainSolutionAboveTheMinimumScore() {
    KnowledgeLookup lookup = new PublishedArticles(rig.service);
    List<KnowledgeLookup.Answer> answers = lookup.search(new KnowledgeLookup.Query("my GPS navigation finds no satellites",
        "en", null, List.of(), 3, 1.0));
    assertThat(answers).isNotEmpty();
    assertThat(answers.getFirst().title()).isEqualTo("GPS unit finds no satellites");
    assertThat(answers.getFirst().solution()).startsWith("Turn it off and on again.").doesNotContain("**");
    assertThat(lookup.search(new KnowledgeLookup.Query("my GPS navigation finds no satellites", "en", null, List.of(),
        3, 1_000))).isEmpty();
  }
}
