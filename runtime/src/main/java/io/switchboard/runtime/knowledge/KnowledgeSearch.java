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
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.Explanation;
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
 * and the Double Metaphone codes in {@code phon} (×0.3). In the last two, words and sounds found in
 * more than 1 in {@value #COMMON_SHARE} articles are left out (the language fields weigh them) and
 * sounds of fewer than 3 letters too. A long text (over {@value #LONG_TEXT_WORDS}
 * words) is reduced by MoreLikeThis to its 25 most significant terms per language field. Filters
 * (status, language, product, tags) do not score. A word found as it is in the index is not searched
 * fuzzily (it is taken as spelled right). The best 100 by relevance are then re-ranked by relevance
 * times the article's usage boost, {@code 1 + 0.25 × ln(1 + helped + sent)}.
 */
final class KnowledgeSearch {
  static final int LONG_TEXT_WORDS = 25;
  private static final int MAX_QUERY_TERMS = 25;
  private static final int MAX_WORDS = 2_000;
  private static final int RESCORED = 100;
  /** A folded word or a sound found in more than 1 in this many articles says too little to search for. */
  private static final int COMMON_SHARE = 20;

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
    List<Ranked> ranked = ranked(searcher, filtered, request.limit());
    UnifiedHighlighter highlighter = UnifiedHighlighter.builder(searcher, analysis.perField())
        .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", "… ", true))
        .withFieldMatcher(field -> true).withWeightMatches(false).withMaxLength(20_000).build();
    List<Document> documents = new ArrayList<>();
    for (Ranked r : ranked) {
      documents.add(searcher.storedFields().document(r.doc));
    }
    Map<Integer, List<String>> snippets = snippets(highlighter, matching, ranked, documents);
    List<SearchHit> hits = new ArrayList<>();
    for (int i = 0; i < ranked.size(); i++) {
      Ranked r = ranked.get(i);
      Document d = documents.get(i);
      String explanation = request.explain() ? explain(searcher, filtered, r).toString() : null;
      hits.add(new SearchHit(d.get(ArticleDocument.ID), d.get(ArticleDocument.TITLE), r.score,
          snippets.getOrDefault(r.doc, List.of()), d.get(ArticleDocument.PRODUCT), d.get(ArticleDocument.LANGUAGE),
          ArticleStatus.parse(d.get(ArticleDocument.STATUS)).orElseThrow(),
          Arrays.asList(d.getValues(ArticleDocument.TAG)), explanation));
    }
    return hits;
  }

  /** A document's relevance and usage boost; {@code score} is their product. */
  private record Ranked(int doc, float relevance, double usage, double score) {}

  /**
   * The best {@value #RESCORED} (or more) by relevance, which Lucene finds without scoring every match
   * (block-max WAND), then re-ordered by relevance × usage boost: an article outside them by relevance
   * would need more than the largest boost's advantage to belong in the top ones.
   */
  private static List<Ranked> ranked(IndexSearcher searcher, Query query, int limit) throws IOException {
    TopDocs top = searcher.search(query, Math.max(RESCORED, limit * 5));
    List<Ranked> ranked = new ArrayList<>();
    for (ScoreDoc sd : top.scoreDocs) {
      double usage = usage(searcher.getIndexReader(), sd.doc);
      ranked.add(new Ranked(sd.doc, sd.score, usage, sd.score * usage));
    }
    ranked.sort(java.util.Comparator.comparingDouble(Ranked::score).reversed().thenComparingInt(Ranked::doc));
    return ranked.subList(0, Math.min(limit, ranked.size()));
  }

  private static double usage(IndexReader reader, int doc) throws IOException {
    List<LeafReaderContext> leaves = reader.leaves();
    LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
    NumericDocValues values = leaf.reader().getNumericDocValues(ArticleDocument.USAGE);
    if (values == null || !values.advanceExact(doc - leaf.docBase)) {
      return 1;
    }
    return Double.longBitsToDouble(values.longValue());
  }

  private static Explanation explain(IndexSearcher searcher, Query query, Ranked r) throws IOException {
    return Explanation.match(r.score, "score, product of:", searcher.explain(query, r.doc),
        Explanation.match(r.usage, "usage boost, 1 + " + ArticleDocument.USAGE_WEIGHT + " × ln(1 + helped + sent)"));
  }

  /** The body's best passages, then the title, per document; one highlighter call per language. */
  private static Map<Integer, List<String>> snippets(UnifiedHighlighter highlighter, Query query, List<Ranked> ranked,
      List<Document> documents) throws IOException {
    Map<String, List<Integer>> byLanguage = new java.util.LinkedHashMap<>();
    for (int i = 0; i < ranked.size(); i++) {
      byLanguage.computeIfAbsent(documents.get(i).get(ArticleDocument.LANGUAGE), l -> new ArrayList<>())
          .add(ranked.get(i).doc);
    }
    Map<Integer, List<String>> snippets = new java.util.HashMap<>();
    for (Map.Entry<String, List<Integer>> group : byLanguage.entrySet()) {
      String title = KnowledgeAnalysis.titleField(group.getKey());
      String body = KnowledgeAnalysis.bodyField(group.getKey());
      int[] docs = group.getValue().stream().mapToInt(Integer::intValue).toArray();
      Map<String, String[]> found = highlighter.highlightFields(new String[] {body, title}, query, docs,
          new int[] {3, 1});
      for (int i = 0; i < docs.length; i++) {
        List<String> passages = new ArrayList<>();
        for (String field : List.of(body, title)) {
          String[] values = found.get(field);
          if (values != null && values[i] != null && !values[i].isBlank()) {
            passages.add(values[i]);
          }
        }
        snippets.put(docs[i], passages);
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
    Set<String> languages = new java.util.LinkedHashSet<>();
    for (String language : KnowledgeAnalysis.scope(request.language())) {
      if (reader.docFreq(new Term(ArticleDocument.LANGUAGE, language)) > 0) {
        languages.add(language);
      }
    }
    return words.length > LONG_TEXT_WORDS ? moreLikeThis(reader, text, languages) : shortText(reader, text, languages);
  }

  private Query shortText(IndexReader reader, String text, Set<String> languages) throws IOException {
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
    int common = Math.max(10, reader.maxDoc() / COMMON_SHARE);
    for (String word : tokens(analysis.plain(), KnowledgeAnalysis.PLAIN, text)) {
      Term term = new Term(KnowledgeAnalysis.PLAIN, word);
      int df = reader.docFreq(term);
      if (df > 0 && df <= common) {
        all.add(new BoostQuery(new TermQuery(term), 0.5f), Occur.SHOULD);
      }
      if (word.length() >= 4 && df == 0) {
        all.add(new BoostQuery(new FuzzyQuery(term, word.length() >= 7 ? 2 : 1, 1), 0.3f), Occur.SHOULD);
      }
    }
    for (String code : tokens(analysis.phonetic(), KnowledgeAnalysis.PHONETIC, text)) {
      Term term = new Term(KnowledgeAnalysis.PHONETIC, code);
      int df = reader.docFreq(term);
      if (code.length() >= 3 && df > 0 && df <= common) {
        all.add(new BoostQuery(new TermQuery(term), 0.3f), Occur.SHOULD);
      }
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
