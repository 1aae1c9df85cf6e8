package io.switchboard.runtime.knowledge;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * This instance's Lucene index of the articles, in a folder of its own. Each commit records the
 * database's signature (see {@link KnowledgeRepository#signature()}) and the last change it has seen, so
 * that a restart knows whether the index is current and where to catch up from. Writes are visible to
 * searches after {@link #commit}.
 */
public final class KnowledgeIndex implements Closeable {
  private static final String SIGNATURE = "signature";
  private static final String WATERMARK = "watermark";

  private final Path folder;
  private final Directory directory;
  private final IndexWriter writer;
  private final SearcherManager searchers;
  private final boolean fresh;

  public KnowledgeIndex(Path folder, KnowledgeAnalysis analysis) {
    this.folder = folder;
    try {
      Files.createDirectories(folder);
      directory = FSDirectory.open(folder);
      fresh = !DirectoryReader.indexExists(directory);
      IndexWriterConfig config = new IndexWriterConfig(analysis.perField())
          .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND).setRAMBufferSizeMB(64);
      writer = new IndexWriter(directory, config);
      if (fresh) {
        writer.commit();
      }
      searchers = new SearcherManager(writer, null);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the knowledge index in " + folder, e);
    }
  }

  /** The folder of the index. */
  public Path folder() {
    return folder;
  }

  /** Whether there was no index in the folder when it was opened. */
  public boolean fresh() {
    return fresh;
  }

  /** The database signature recorded by the last commit, or null. */
  public String signature() {
    return commitData().get(SIGNATURE);
  }

  /** The last change (changed_at or deleted_at) the last commit has seen, or 0. */
  public long watermark() {
    String w = commitData().get(WATERMARK);
    return w == null ? 0 : Long.parseLong(w);
  }

  public void put(Article article) {
    try {
      writer.updateDocument(new Term(ArticleDocument.ID, article.id()), ArticleDocument.of(article));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public void putAll(Collection<Article> articles) {
    articles.forEach(this::put);
  }

  /** Adds without looking for an older copy: only into an index just cleared. */
  public void add(Article article) {
    try {
      writer.addDocument(ArticleDocument.of(article));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public void delete(String id) {
    try {
      writer.deleteDocuments(new Term(ArticleDocument.ID, id));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public void clear() {
    try {
      writer.deleteAll();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Commits what was written and makes it searchable, keeping the recorded signature and watermark. */
  public synchronized void commit() {
    try {
      writer.commit();
      searchers.maybeRefreshBlocking();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Commits what was written, with the database state it reflects, and makes it searchable. */
  public synchronized void commit(String signature, long watermark) {
    try {
      Map<String, String> data = new HashMap<>();
      data.put(SIGNATURE, signature);
      data.put(WATERMARK, Long.toString(watermark));
      writer.setLiveCommitData(data.entrySet());
      writer.commit();
      searchers.maybeRefreshBlocking();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs a search on the current view of the index. */
  public <T> T withSearcher(SearcherWork<T> work) {
    try {
      IndexSearcher searcher = searchers.acquire();
      try {
        return work.apply(searcher);
      } finally {
        searchers.release(searcher);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A piece of work on an index searcher. */
  @FunctionalInterface
  public interface SearcherWork<T> {
    T apply(IndexSearcher searcher) throws IOException;
  }

  /** The index's size on disk in bytes. */
  public long sizeOnDisk() {
    try (var files = Files.list(folder)) {
      return files.mapToLong(p -> p.toFile().length()).sum();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Map<String, String> commitData() {
    Map<String, String> data = new HashMap<>();
    writer.getLiveCommitData().forEach(e -> data.put(e.getKey(), e.getValue()));
    return data;
  }

  @Override
  public void close() {
    try {
      searchers.close();
      writer.close();
      directory.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
