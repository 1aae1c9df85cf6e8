package io.switchboard.runtime.knowledge;

import java.util.Locale;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.DoubleDocValuesField;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;

/**
 * An article as a Lucene document. Only the fields of its own language carry its stemmed text; every
 * article has the folded {@code plain} and phonetic {@code phon} fields; {@code usage} is the ranking's
 * multiplier, {@code 1 + USAGE_WEIGHT × ln(1 + helped + sent)}.
 */
final class ArticleDocument {
  static final String ID = "id";
  static final String TITLE = "title";
  static final String STATUS = "status";
  static final String LANGUAGE = "language";
  static final String PRODUCT = "product";
  static final String PRODUCT_KEY = "product_key";
  static final String TAG = "tag";
  static final String USAGE = "usage";
  /** How much usage counts: 10 uses multiply the score by 1.6, 100 by 2.15. */
  static final double USAGE_WEIGHT = 0.25;

  /** Stored text with offsets in the postings, so that the highlighter need not analyse it again. */
  private static final FieldType HIGHLIGHTED = new FieldType(TextField.TYPE_STORED);

  static {
    HIGHLIGHTED.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
    HIGHLIGHTED.freeze();
  }

  private ArticleDocument() {}

  static Document of(Article a) {
    Document d = new Document();
    d.add(new StringField(ID, a.id(), Field.Store.YES));
    d.add(new StoredField(TITLE, a.title()));
    d.add(new StringField(STATUS, a.status().id(), Field.Store.YES));
    d.add(new StringField(LANGUAGE, a.language(), Field.Store.YES));
    if (a.product() != null) {
      d.add(new StoredField(PRODUCT, a.product()));
      d.add(new StringField(PRODUCT_KEY, key(a.product()), Field.Store.NO));
    }
    for (String tag : a.tags()) {
      d.add(new StringField(TAG, tag, Field.Store.YES));
    }
    String problem = ArticleText.plain(a.problem());
    String solution = ArticleText.plain(a.solution());
    String product = a.product() == null ? "" : a.product();
    String tags = String.join(" ", a.tags());
    d.add(new Field(KnowledgeAnalysis.titleField(a.language()), a.title(), HIGHLIGHTED));
    d.add(new Field(KnowledgeAnalysis.bodyField(a.language()), problem + "\n\n" + solution, HIGHLIGHTED));
    d.add(new TextField(KnowledgeAnalysis.PLAIN, String.join("\n", a.title(), product, tags, problem, solution),
        Field.Store.NO));
    d.add(new TextField(KnowledgeAnalysis.PHONETIC, String.join("\n", a.title(), product, tags, problem), Field.Store.NO));
    d.add(new DoubleDocValuesField(USAGE, usageBoost(a.usage())));
    return d;
  }

  static double usageBoost(long usage) {
    return 1 + USAGE_WEIGHT * Math.log1p(Math.max(0, usage));
  }

  static String key(String product) {
    return product.strip().toLowerCase(Locale.ROOT);
  }
}
