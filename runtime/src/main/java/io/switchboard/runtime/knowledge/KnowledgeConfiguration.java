package io.switchboard.runtime.knowledge;

import io.switchboard.runtime.engine.Ids;
import io.switchboard.runtime.node.knowledge.KnowledgeLookup;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.core.Ordered;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the knowledge base: this instance's index (rebuilt at start when missing or stale, then
 * catching up every {@code switchboard.knowledge.sync-interval}), the service, the flow's {@link
 * KnowledgeLookup} and the public pages' rate limit. On the first start with an empty knowledge base
 * the sample articles ({@code knowledge/sample.csv}) are loaded unless
 * {@code switchboard.knowledge.sample-articles=false}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(KnowledgeProperties.class)
public class KnowledgeConfiguration {
  static final String SAMPLE = "knowledge/sample.csv";
  private static final Logger log = LoggerFactory.getLogger(KnowledgeConfiguration.class);

  @Bean
  KnowledgeAnalysis knowledgeAnalysis() {
    return new KnowledgeAnalysis();
  }

  @Bean(destroyMethod = "close")
  KnowledgeIndex knowledgeIndex(KnowledgeProperties properties, KnowledgeAnalysis analysis) {
    return new KnowledgeIndex(Path.of(properties.indexDir()), analysis);
  }

  @Bean
  KnowledgeRepository knowledgeRepository(DSLContext dsl) {
    return new KnowledgeRepository(dsl);
  }

  @Bean
  KnowledgeService knowledgeService(KnowledgeRepository repository, KnowledgeIndex index, KnowledgeAnalysis analysis,
      Clock clock, Ids ids) {
    return new KnowledgeService(repository, index, analysis, clock, ids);
  }

  @Bean(destroyMethod = "close")
  KnowledgeSync knowledgeSync(KnowledgeRepository repository, KnowledgeIndex index) {
    return new KnowledgeSync(repository, index);
  }

  /** What a flow's knowledge step searches: published articles. */
  @Bean
  KnowledgeLookup knowledgeLookup(KnowledgeService knowledge) {
    return new PublishedArticles(knowledge);
  }

  @Bean
  PublicRateLimit publicKnowledgeRateLimit(KnowledgeProperties properties) {
    return new PublicRateLimit(properties.publicRate());
  }

  /** The public knowledge pages answer 429 to an address over its allowance, before anything else runs. */
  @Bean
  FilterRegistrationBean<PublicRateLimitFilter> publicKnowledgeRateLimitFilter(PublicRateLimit limit) {
    FilterRegistrationBean<PublicRateLimitFilter> registration = new FilterRegistrationBean<>(new PublicRateLimitFilter(limit));
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
    registration.addUrlPatterns("/api/public/knowledge/*");
    return registration;
  }

  /** Before requests are taken: the index is made current, and the sample articles loaded on a first start. */
  @Bean
  SmartInitializingSingleton knowledgeStart(KnowledgeSync sync, KnowledgeService knowledge,
      KnowledgeProperties properties) {
    return () -> {
      sync.start();
      if (properties.sampleArticles()) {
        ImportResult result = knowledge.importOnce("sample-articles", sample(), "switchboard");
        if (!result.ok()) {
          throw new IllegalStateException("the sample articles do not import: " + result.problems());
        }
        if (result.imported() > 0) {
          log.info("loaded {} sample knowledge articles", result.imported());
        }
      }
    };
  }

  @Bean
  ApplicationListener<ApplicationReadyEvent> knowledgeCatchUp(KnowledgeSync sync, KnowledgeProperties properties) {
    return event -> sync.startCatchingUp(properties.syncInterval());
  }

  /** The shipped sample knowledge base, as CSV. */
  public static String sample() {
    try (InputStream in = KnowledgeConfiguration.class.getClassLoader().getResourceAsStream(SAMPLE)) {
      if (in == null) {
        throw new IllegalStateException(SAMPLE + " is missing from the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
