package io.switchboard.runtime.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.runtime.engine.Engine;
import io.switchboard.runtime.engine.Interaction;
import io.switchboard.runtime.engine.TinyFlow;
import io.switchboard.runtime.failure.Failure;
import io.switchboard.runtime.node.knowledge.KnowledgeLookup;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class KnowledgeExecutorTest {
  /** A real, small knowledge base: scores are the share of the query's words an article's title and problem contain. */
  private record Article(String id, String title, String problem, String solution, String language, String product,
      Set<String> tags) {}

  private static final class WordOverlap implements KnowledgeLookup {
    final List<Article> articles = List.of(
        new Article("a1", "Router blinks red", "router light blinks red no internet", "Turn it off and on again.", "en",
            "router", Set.of("network")),
        new Article("a2", "GPS has no fix", "gps tracker shows no position", "Turn it off and on again, outdoors.", "en",
            "gps", Set.of("gps", "outdoor")),
        new Article("a3", "Router miga", "router miga na czerwono", "Wyłącz i włącz ponownie.", "pl", "router",
            Set.of("network")));
    final List<Query> asked = new ArrayList<>();

    @Override
    public List<Answer> search(Query query) {
      asked.add(query);
      Set<String> words = words(query.text());
      return articles.stream()
          .filter(a -> query.language() == null || a.language().equals(query.language()))
          .filter(a -> query.product() == null || a.product().equals(query.product()))
          .filter(a -> a.tags().containsAll(query.tags()))
          .map(a -> {
            Set<String> text = words(a.title() + " " + a.problem());
            long hits = words.stream().filter(text::contains).count();
            return new Answer(a.id(), a.title(), a.solution(), (double) hits / words.size());
          })
          .filter(a -> a.score() > 0 && a.score() >= query.minScore())
          .sorted(Comparator.comparingDouble(Answer::score).reversed())
          .limit(query.limit()).toList();
    }

    private static Set<String> words(String text) {
      return Arrays.stream(text.toLowerCase(Locale.ROOT).split("\\W+")).filter(w -> !w.isBlank())
          .collect(Collectors.toSet());
    }
  }

  private static final String VARIABLES = """
      [{"name": "answers", "type": "array"}, {"name": "best", "type": "object"}, {"name": "product", "type": "string"}]""";
  private static final String EDGES = """
      {"from": "t", "port": "next", "to": "k"}, {"from": "k", "port": "found", "to": "yes"},
      {"from": "k", "port": "not-found", "to": "no"}, {"from": "k", "port": "error", "to": "ko"}""";
  private static final String ENDS = """
      {"id": "yes", "type": "end", "config": {"outcome": "found {{ best.id }}"}},
      {"id": "no", "type": "end", "config": {"outcome": "nothing"}},
      {"id": "ko", "type": "end", "config": {"outcome": "{{ interaction.error.code }}"}}""";

  private final WordOverlap base = new WordOverlap();
  private final Engine engine = new Engine(new Engine.MutableClock(), queue -> Optional.empty(), base);

  private Interaction run(String config, String body, Map<String, Object> variables) {
    String nodes = "{\"id\": \"k\", \"type\": \"knowledge\", \"config\": " + config + "}, " + ENDS;
    return engine.start(engine.compile(TinyFlow.of("message", VARIABLES, nodes, EDGES)), "message",
        Map.of("from", "+48600000001", "body", body), variables);
  }

  @Test
  void searchesTheMessagesTextByDefaultAndKeepsTheBestAnswersBestFirst() {
    Interaction it = run("{\"answerVariable\": \"best\"}", "my router blinks red", Map.of());

    assertThat(it.outcome()).isEqualTo("found a1");
    assertThat(base.asked.getFirst().text()).isEqualTo("my router blinks red");
    assertThat(base.asked.getFirst().limit()).isEqualTo(3);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> answers = (List<Map<String, Object>>) it.variables().get("answers");
    assertThat(answers).extracting(a -> a.get("id")).containsExactly("a1", "a3");
    assertThat(answers.getFirst()).containsEntry("title", "Router blinks red")
        .containsEntry("solution", "Turn it off and on again.").containsEntry("score", 0.75);
    assertThat(it.variables().get("best")).isEqualTo(answers.getFirst());
  }

  @Test
  void filtersLanguageProductAndTagsFromTemplatesAndKeepsTopN() {
    Interaction it = run("""
        {"query": "router {{ product }} gps", "language": "en", "product": "{{ product }}", "tags": "gps, ,",
         "limit": 1, "answerVariable": "best"}""", "ignored", Map.of("product", "gps"));

    assertThat(it.outcome()).isEqualTo("found a2");
    KnowledgeLookup.Query query = base.asked.getFirst();
    assertThat(query.text()).isEqualTo("router gps gps");
    assertThat(query.language()).isEqualTo("en");
    assertThat(query.product()).isEqualTo("gps");
    assertThat(query.tags()).as("an empty tag between commas is no filter").containsExactly("gps");
    assertThat((List<?>) it.variables().get("answers")).hasSize(1);
  }

  @Test
  void belowTheMinimumScoreOrAnEmptyQueryIsNotFoundWithEmptyAnswers() {
    Interaction weak = run("{\"minScore\": 0.9, \"answerVariable\": \"best\"}", "router without power", Map.of());
    assertThat(weak.outcome()).isEqualTo("nothing");
    assertThat(weak.variables().get("answers")).isEqualTo(List.of());
    assertThat(weak.variables().get("best")).isNull();

    Interaction empty = run("{\"answerVariable\": \"best\"}", "   ", Map.of());
    assertThat(empty.outcome()).isEqualTo("nothing");
    assertThat(base.asked).as("an empty text is not searched").hasSize(1);
  }

  @Test
  void aFailingTemplateTakesTheErrorPort() {
    Interaction it = run("{\"query\": \"{{ trigger.body.toUpperCase().nope() }}\", \"answerVariable\": \"best\"}", "x",
        Map.of());
    assertThat(it.outcome()).isEqualTo(Failure.Code.expression.name());
    assertThat(base.asked).isEmpty();
  }

  @Test
  void withoutAKnowledgeBaseNothingIsFound() {
    Engine bare = new Engine();
    String nodes = "{\"id\": \"k\", \"type\": \"knowledge\", \"config\": {\"answerVariable\": \"best\"}}, " + ENDS;
    Interaction it = bare.start(bare.compile(TinyFlow.of("message", VARIABLES, nodes, EDGES)), "message",
        Map.of("body", "router blinks red"), Map.of());
    assertThat(it.outcome()).isEqualTo("nothing");
  }
}
