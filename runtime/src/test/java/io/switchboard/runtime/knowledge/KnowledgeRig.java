package io.switchboard.runtime.knowledge;

import io.switchboard.runtime.engine.Ids;
import io.switchboard.runtime.store.Databases;
import java.nio.file.Path;
import java.time.Clock;
import javax.sql.DataSource;

/** One application instance's knowledge base, as {@link KnowledgeConfiguration} wires it, on a given database and index folder. */
final class KnowledgeRig implements AutoCloseable {
  final KnowledgeRepository repository;
  final KnowledgeIndex index;
  final KnowledgeService service;
  final KnowledgeSync sync;
  final boolean rebuiltAtStart;

  KnowledgeRig(DataSource dataSource, Path indexFolder) {
    KnowledgeAnalysis analysis = new KnowledgeAnalysis();
    repository = new KnowledgeRepository(Databases.dsl(dataSource));
    index = new KnowledgeIndex(indexFolder, analysis);
    service = new KnowledgeService(repository, index, analysis, Clock.systemUTC(), new Ids());
    sync = new KnowledgeSync(repository, index);
    rebuiltAtStart = sync.start();
  }

  /** Loads the shipped sample articles, as a first start does. */
  KnowledgeRig withSample() {
    ImportResult result = service.importOnce("sample-articles", KnowledgeConfiguration.sample(), "switchboard");
    if (!result.ok()) {
      throw new IllegalStateException(result.problems().toString());
    }
    return this;
  }

  @Override
  public void close() {
    sync.close();
    index.close();
  }
}
