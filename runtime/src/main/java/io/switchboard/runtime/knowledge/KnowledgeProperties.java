package io.switchboard.runtime.knowledge;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code switchboard.knowledge.*}.
 *
 * @param indexDir this instance's Lucene index folder (default {@code ./data/knowledge-index}); each
 *     instance needs its own
 * @param syncInterval how often the index catches up with changes made by other instances (default 2 s)
 * @param publicRate searches and reads per minute one client address may make on {@code /api/public/knowledge/**}
 *     (default 30)
 * @param sampleArticles whether the shipped sample articles are loaded on the first start, when the
 *     knowledge base is empty (default true)
 */
@ConfigurationProperties("switchboard.knowledge")
public record KnowledgeProperties(String indexDir, Duration syncInterval, Integer publicRate, Boolean sampleArticles) {
  public KnowledgeProperties {
    indexDir = indexDir == null || indexDir.isBlank() ? "./data/knowledge-index" : indexDir;
    syncInterval = syncInterval == null ? Duration.ofSeconds(2) : syncInterval;
    publicRate = publicRate == null ? 30 : publicRate;
    sampleArticles = sampleArticles == null || sampleArticles;
  }
}
