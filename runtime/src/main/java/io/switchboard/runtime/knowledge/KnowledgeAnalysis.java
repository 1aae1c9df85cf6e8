package io.switchboard.runtime.knowledge;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cz.CzechAnalyzer;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.hu.HungarianAnalyzer;
import org.apache.lucene.analysis.it.ItalianAnalyzer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.nl.DutchAnalyzer;
import org.apache.lucene.analysis.phonetic.DoubleMetaphoneFilter;
import org.apache.lucene.analysis.pl.PolishAnalyzer;
import org.apache.lucene.analysis.pt.PortugueseAnalyzer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.sv.SwedishAnalyzer;

/**
 * How article text is analysed, field by field. Each language has its own stemming analyzer over its
 * own fields ({@code title_en}, {@code body_en}, …); {@code plain} holds every article's words
 * lower-cased and folded to ASCII (so "dziala" meets "działa", and fuzzy terms have one field to
 * search); {@code phon} holds the Double Metaphone codes of title, product, tags and problem, so that
 * a misspelled product or place name still sounds like the right one.
 */
public final class KnowledgeAnalysis {
  public static final String PLAIN = "plain";
  public static final String PHONETIC = "phon";

  private static final Map<String, Supplier<Analyzer>> STEMMERS = new LinkedHashMap<>();

  static {
    STEMMERS.put("en", EnglishAnalyzer::new);
    STEMMERS.put("pl", PolishAnalyzer::new);
    STEMMERS.put("es", SpanishAnalyzer::new);
    STEMMERS.put("hu", HungarianAnalyzer::new);
    STEMMERS.put("de", GermanAnalyzer::new);
    STEMMERS.put("fr", FrenchAnalyzer::new);
    STEMMERS.put("it", ItalianAnalyzer::new);
    STEMMERS.put("nl", DutchAnalyzer::new);
    STEMMERS.put("pt", PortugueseAnalyzer::new);
    STEMMERS.put("cs", CzechAnalyzer::new);
    STEMMERS.put("sv", SwedishAnalyzer::new);
  }

  /** The ISO 639-1 codes an article may be written in. */
  public static final List<String> LANGUAGES = List.copyOf(STEMMERS.keySet());

  private final Map<String, Analyzer> byLanguage = new LinkedHashMap<>();
  private final Analyzer plain = new FoldingAnalyzer(false);
  private final Analyzer phonetic = new FoldingAnalyzer(true);
  private final Analyzer perField;

  public KnowledgeAnalysis() {
    Map<String, Analyzer> fields = new LinkedHashMap<>();
    STEMMERS.forEach((code, make) -> {
      Analyzer analyzer = make.get();
      byLanguage.put(code, analyzer);
      fields.put(titleField(code), analyzer);
      fields.put(bodyField(code), analyzer);
    });
    fields.put(PLAIN, plain);
    fields.put(PHONETIC, phonetic);
    perField = new PerFieldAnalyzerWrapper(plain, fields);
  }

  public static boolean supported(String language) {
    return STEMMERS.containsKey(language);
  }

  public static String titleField(String language) {
    return "title_" + language;
  }

  public static String bodyField(String language) {
    return "body_" + language;
  }

  /** The analyzer of every field, for the index writer, MoreLikeThis and the highlighter. */
  public Analyzer perField() {
    return perField;
  }

  public Analyzer language(String code) {
    return byLanguage.get(code);
  }

  public Analyzer plain() {
    return plain;
  }

  public Analyzer phonetic() {
    return phonetic;
  }

  /** The languages a search looks at: one, or all when none is asked for. */
  public static Set<String> scope(String language) {
    return language == null ? STEMMERS.keySet() : Set.of(language);
  }

  /** Standard tokens, lower-cased and folded to ASCII; with {@code phonetic}, their Double Metaphone codes instead. */
  private static final class FoldingAnalyzer extends Analyzer {
    private final boolean phonetic;

    FoldingAnalyzer(boolean phonetic) {
      this.phonetic = phonetic;
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
      Tokenizer source = new StandardTokenizer();
      TokenStream stream = new ASCIIFoldingFilter(new LowerCaseFilter(source));
      if (phonetic) {
        stream = new DoubleMetaphoneFilter(stream, 6, false);
      }
      return new TokenStreamComponents(source, stream);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
      return new ASCIIFoldingFilter(new LowerCaseFilter(in));
    }
  }
}
