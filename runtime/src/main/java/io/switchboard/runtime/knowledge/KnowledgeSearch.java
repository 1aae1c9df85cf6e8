package io.switchboard.runtime.knowledge;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.function.FunctionScoreQuery;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.DoubleValuesSource;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.QueryBuilder;

/**
 * Turns a {@link SearchRequest} into a Lucene query and runs it on the index.
 *
 * <p>A short text matches on four kinds of fields, the best language counting: the stemmed title
 * (×2) and body of each language in scope; the folded {@code plain} field, each word also fuzzily
 * (one edit for 4–6 letters, two from 7, the first letter fixed; ×0.5 for exact, ×0.3 for fuzzy);
 * and the Double Metaphone codes in {@code phon} (×0.3). A long text (over {@value #LONG_TEXT_WORDS}
 * words) is reduced by MoreLikeThis to its 25 most significant terms per language field. Filters
 * (status, language, product, tags) do not score. The score is then multiplied by the article's
 * usage boost, {@code 1 + 0.25 × ln(1 + helped + sent)}.
 */
final class KnowledgeSearch {
  static final int LONG_TEXT_WORDS = 25;
  private static final int MAX_QUERY_TERMS = 25;
  private static final int MAX_WORDS = 2_000;

  private final KnowledgeAnalysis analysis;

  KnowledgeSearch(KnowledgeAnalysis analysis) {
    this.analysis = analysis;
  }

  List<SearchHit> run(IndexSearcher searcher, SearchRequest request) throws IOException {
    Query matching = matching(searcher.getIndexReader(), request);
    if (matching == null) {
      return List.of();
    }
    Query filtered = filtered(matching, request);
    Query ranked = FunctionScoreQuery.boostByValue(filtered, DoubleValuesSource.fromDoubleField(ArticleDocument.USAGE));
    TopDocs top = searcher.search(ranked, request.limit());
    UnifiedHighlighter highlighter = UnifiedHighlighter.builder(searcher, analysis.perField())
        .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", "… ", true))
        .withFieldMatcher(field -> true).withMaxLength(20_000).build();
    List<SearchHit> hits = new ArrayList<>();
    for (ScoreDoc sd : top.scoreDocs) {
      Document d = searcher.storedFields().document(sd.doc);
      String language = d.get(ArticleDocument.LANGUAGE);
      List<String> snippets = snippets(highlighter, matching, sd.doc, language);
      String explanation = request.explain() ? searcher.explain(ranked, sd.doc).toString() : null;
      hits.add(new SearchHit(d.get(ArticleDocument.ID), d.get(ArticleDocument.TITLE), sd.score, snippets,
          d.get(ArticleDocument.PRODUCT), language, ArticleStatus.parse(d.get(ArticleDocument.STATUS)).orElseThrow(),
          Arrays.asList(d.getValues(ArticleDocument.TAG)), explanation));
    }
    return hits;
  }

  private List<String> snippets(UnifiedHighlighter highlighter, Query query, int doc, String language)
      throws IOException {
    String title = KnowledgeAnalysis.titleField(language);
    String body = KnowledgeAnalysis.bodyField(language);
    Map<String, String[]> found = highlighter.highlightFields(new String[] {title, body}, query, new int[] {doc},
        new int[] {1, 3});
    List<String> snippets = new ArrayList<>();
    for (String field : List.of(body, title)) {
      String[] values = found.get(field);
      if (values != null && values[0] != null && !values[0].isBlank()) {
        snippets.add(values[0]);
      }
    }
    return snippets;
  }

  /** What the text matches, before filters; null when it has no searchable word. */
  Query matching(IndexReader reader, SearchRequest request) throws IOException {
    String text = request.text() == null ? "" : request.text().strip();
    if (text.isEmpty()) {
      return null;
    }
    String[] words = text.split("\\s+");
    if (words.length > MAX_WORDS) {
      text = String.join(" ", Arrays.copyOf(words, MAX_WORDS));
    }
    Set<String> languages = KnowledgeAnalysis.scope(request.language());
    return words.length > LONG_TEXT_WORDS ? moreLikeThis(reader, text, languages) : shortText(text, languages);
  }

  private Query shortText(String text, Set<String> languages) throws IOException {
    List<Query> perLanguage = new ArrayList<>();
    for (String language : languages) {
      QueryBuilder builder = new QueryBuilder(analysis.language(language));
      BooleanQuery.Builder one = new BooleanQuery.Builder();
      add(one, builder.createBooleanQuery(KnowledgeAnalysis.titleField(language), text), 2f);
      add(one, builder.createBooleanQuery(KnowledgeAnalysis.bodyField(language), text), 1f);
      BooleanQuery q = one.build();
      if (!q.clauses().isEmpty()) {
        perLanguage.add(q);
      }
    }
    BooleanQuery.Builder all = new BooleanQuery.Builder();
    if (!perLanguage.isEmpty()) {
      all.add(new DisjunctionMaxQuery(perLanguage, 0.1f), Occur.SHOULD);
    }
    for (String word : tokens(analysis.plain(), KnowledgeAnalysis.PLAIN, text)) {
      Term term = new Term(KnowledgeAnalysis.PLAIN, word);
      all.add(new BoostQuery(new TermQuery(term), 0.5f), Occur.SHOULD);
      if (word.length() >= 4) {
        all.add(new BoostQuery(new FuzzyQuery(term, word.length() >= 7 ? 2 : 1, 1), 0.3f), Occur.SHOULD);
      }
    }
    for (String code : tokens(analysis.phonetic(), KnowledgeAnalysis.PHONETIC, text)) {
      all.add(new BoostQuery(new TermQuery(new Term(KnowledgeAnalysis.PHONETIC, code)), 0.3f), Occur.SHOULD);
    }
    BooleanQuery q = all.build();
    return q.clauses().isEmpty() ? null : q;
  }

  private Query moreLikeThis(IndexReader reader, String text, Set<String> languages) throws IOException {
    List<Query> perLanguage = new ArrayList<>();
    for (String language : languages) {
      String field = KnowledgeAnalysis.bodyField(language);
      MoreLikeThis mlt = new MoreLikeThis(reader);
      mlt.setAnalyzer(analysis.perField());
      mlt.setFieldNames(new String[] {field});
      mlt.setMinTermFreq(1);
      mlt.setMinDocFreq(1);
      mlt.setMinWordLen(3);
      mlt.setMaxQueryTerms(MAX_QUERY_TERMS);
      mlt.setBoost(true);
      Query q = mlt.like(field, new StringReader(text));
      if (q instanceof BooleanQuery b && !b.clauses().isEmpty()) {
        perLanguage.add(q);
      }
    }
    return perLanguage.isEmpty() ? null : new DisjunctionMaxQuery(perLanguage, 0.1f);
  }

  private Query filtered(Query matching, SearchRequest request) {
    BooleanQuery.Builder q = new BooleanQuery.Builder().add(matching, Occur.MUST);
    q.add(new TermInSetQuery(ArticleDocument.STATUS,
        request.statuses().stream().map(s -> new BytesRef(s.id())).toList()), Occur.FILTER);
    if (request.language() != null) {
      q.add(new TermQuery(new Term(ArticleDocument.LANGUAGE, request.language())), Occur.FILTER);
    }
    if (request.product() != null) {
      q.add(new TermQuery(new Term(ArticleDocument.PRODUCT_KEY, ArticleDocument.key(request.product()))), Occur.FILTER);
    }
    for (String tag : request.tags()) {
      q.add(new TermQuery(new Term(ArticleDocument.TAG, tag)), Occur.FILTER);
    }
    return q.build();
  }

  private static void add(BooleanQuery.Builder builder, Query q, float boost) {
    if (q != null) {
      builder.add(new BoostQuery(q, boost), Occur.SHOULD);
    }
  }

  private static List<String> tokens(Analyzer analyzer, String field, String text) {
    List<String> tokens = new ArrayList<>();
    try (TokenStream stream = analyzer.tokenStream(field, text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        String t = term.toString();
        if (!tokens.contains(t)) {
          tokens.add(t);
        }
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return tokens;
  }
}
