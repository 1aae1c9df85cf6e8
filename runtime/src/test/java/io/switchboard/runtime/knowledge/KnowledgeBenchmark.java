package io.switchboard.runtime.knowledge;

import com.zaxxer.hikari.HikariDataSource;
import io.switchboard.runtime.store.TestDatabases;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * The knowledge base's benchmark (not a test): 100,000 generated articles in the five languages of the
 * sample base (sentences of the sample articles recombined, 500 products, 200 places), written to an
 * H2 database, then the index rebuilt from it as an instance does at its first start. Reported: the
 * rebuild time, the index's size on disk, and searches per second on 2 threads with p50/p99 latency,
 * for short questions (2–4 words, one in five misspelled) and for long texts (a 60-word e-mail,
 * MoreLikeThis), and the CPU time each search took (which a loaded machine does not inflate). Each
 * search is the full service call: query, filters, usage boost, top 10 and highlighted snippets.
 * Run: {@code ./mvnw -q -pl flow-schemas,runtime -Pbench verify -DskipTests
 * -Dbench.main=io.switchboard.runtime.knowledge.KnowledgeBenchmark} ({@code -Dbench.articles=100000},
 * {@code -Dbench.seconds}, {@code -Dbench.warmup}).
 */
public final class KnowledgeBenchmark {
  private static final int THREADS = 2;
  private static final String[] LANGUAGES = {"en", "pl", "es", "hu", "de"};

  private KnowledgeBenchmark() {}

  public static void main(String[] args) throws Exception {
    int articles = Integer.getInteger("bench.articles", 100_000);
    int seconds = Integer.getInteger("bench.seconds", 5);
    int warmup = Integer.getInteger("bench.warmup", 3);
    Corpus corpus = new Corpus(ArticleCsv.parse(KnowledgeConfiguration.sample()).rows());
    Path folder = Files.createTempDirectory("knowledge-bench");
    HikariDataSource dataSource = TestDatabases.h2();
    try (KnowledgeRig rig = new KnowledgeRig(dataSource, folder.resolve("index"))) {
      long t0 = System.nanoTime();
      Random random = new Random(42);
      for (int from = 0; from < articles; from += 1_000) {
        List<Article> page = new ArrayList<>();
        for (int i = from; i < Math.min(articles, from + 1_000); i++) {
          page.add(corpus.article(i, random));
        }
        rig.repository.dsl().transaction(c -> page.forEach(a -> rig.repository.insert(c.dsl(), a, a.updatedAt())));
      }
      System.out.printf("%,d articles written to H2 in %.1f s%n", articles, (System.nanoTime() - t0) / 1e9);

      var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
      long cpu1 = os.getProcessCpuTime();
      long t1 = System.nanoTime();
      rig.sync.rebuild();
      double rebuild = (System.nanoTime() - t1) / 1e9;
      System.out.printf("index rebuilt from the database in %.1f s (%,.0f articles/s, %.1f s of CPU); %.1f MB on disk%n",
          rebuild, articles / rebuild, (os.getProcessCpuTime() - cpu1) / 1e9, rig.index.sizeOnDisk() / 1e6);

      run(rig.service, "short (2-4 words, 1 in 5 misspelled)", r -> corpus.shortQuestion(r), warmup, seconds);
      run(rig.service, "long (60-word e-mail, MoreLikeThis)", r -> corpus.email(r), warmup, seconds);
    } finally {
      TestDatabases.dispose(dataSource);
      try (Stream<Path> files = Files.walk(folder)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private interface Questions {
    String next(Random random);
  }

  private static void run(KnowledgeService knowledge, String name, Questions questions, int warmup, int seconds)
      throws Exception {
    measure(knowledge, questions, warmup);
    ConcurrentLinkedQueue<long[]> perThread = new ConcurrentLinkedQueue<>();
    long start = System.nanoTime();
    long[] counts = measure(knowledge, questions, seconds, perThread);
    double elapsed = (System.nanoTime() - start) / 1e9;
    long total = Arrays.stream(counts).sum();
    long cpu = perThread.stream().mapToLong(times -> times[times.length - 1]).sum();
    long[] all = perThread.stream().flatMapToLong(times -> Arrays.stream(times, 0, times.length - 1)).sorted().toArray();
    System.out.printf("%s: %,.0f searches/s on %d threads, p50 %.2f ms, p99 %.2f ms, %.2f ms of CPU per search%n", name,
        total / elapsed, THREADS, all[all.length / 2] / 1e6, all[(int) (all.length * 0.99)] / 1e6, cpu / 1e6 / total);
  }

  private static void measure(KnowledgeService knowledge, Questions questions, int seconds) throws Exception {
    measure(knowledge, questions, seconds, new ConcurrentLinkedQueue<>());
  }

  private static long[] measure(KnowledgeService knowledge, Questions questions, int seconds,
      ConcurrentLinkedQueue<long[]> latencies) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    long until = System.nanoTime() + seconds * 1_000_000_000L;
    List<Future<Long>> done = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      int seed = t;
      done.add(pool.submit(() -> {
        Random random = new Random(seed);
        long cpuStart = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        long[] times = new long[1 << 20];
        int n = 0;
        while (System.nanoTime() < until) {
          String q = questions.next(random);
          String language = random.nextInt(3) == 0 ? LANGUAGES[random.nextInt(LANGUAGES.length)] : null;
          long s = System.nanoTime();
          knowledge.search(SearchRequest.published(q, language, null, List.of(), 10));
          if (n < times.length) {
            times[n++] = System.nanoTime() - s;
          }
        }
        long[] kept = Arrays.copyOf(times, n + 1);
        kept[n] = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpuStart;
        latencies.add(kept);
        return (long) n;
      }));
    }
    long[] counts = new long[THREADS];
    for (int t = 0; t < THREADS; t++) {
      counts[t] = done.get(t).get();
    }
    pool.shutdown();
    return counts;
  }

  /** Sentences and words of the sample base, recombined into articles and questions. */
  private static final class Corpus {
    private final List<List<String>> sentences = new ArrayList<>();
    private final List<List<String>> words = new ArrayList<>();
    private final List<String> products = new ArrayList<>();
    private final List<String> places = new ArrayList<>();

    Corpus(List<ImportRow> rows) {
      for (String ignored : LANGUAGES) {
        sentences.add(new ArrayList<>());
        words.add(new ArrayList<>());
      }
      for (ImportRow row : rows) {
        int l = Arrays.asList(LANGUAGES).indexOf(row.draft().language());
        for (String text : List.of(row.draft().title(), row.draft().problem(), row.draft().solution())) {
          for (String s : text.split("(?<=[.!?])\\s+|\\n+")) {
            if (s.strip().length() > 10) {
              sentences.get(l).add(s.strip());
            }
          }
          for (String w : text.split("[^\\p{L}\\p{N}]+")) {
            if (w.length() > 3) {
              words.get(l).add(w);
            }
          }
        }
      }
      String[] brands = {"Garmin", "TomTom", "FRITZ!Box", "Speedport", "TP-Link", "Huawei", "Brother", "HP", "Canon",
          "Epson", "Horizon", "Netgear", "Zyxel", "Sagemcom", "Xiaomi", "Samsung", "Philips", "Bosch", "Siemens", "Miele"};
      for (int i = 0; i < 500; i++) {
        products.add(brands[i % brands.length] + " " + (char) ('A' + i % 26) + (100 + i));
      }
      String[] roots = {"Kraków", "Wrocław", "Szczecin", "Gdańsk", "Debrecen", "Győr", "Zaragoza", "Sevilla", "München",
          "Düsseldorf", "Leicester", "Worcester", "Nottingham", "Chemnitz", "Poznań", "Pécs", "Málaga", "Köln", "Bristol",
          "Łódź"};
      for (int i = 0; i < 200; i++) {
        places.add(roots[i % roots.length] + (i < roots.length ? "" : "-" + (i / roots.length)));
      }
    }

    Article article(int i, Random r) {
      int l = r.nextInt(LANGUAGES.length);
      String product = products.get(r.nextInt(products.size()));
      String place = places.get(r.nextInt(places.size()));
      List<String> s = sentences.get(l);
      String title = product + ": " + words(l, r, 3 + r.nextInt(3));
      String problem = s.get(r.nextInt(s.size())) + " " + place + ". " + s.get(r.nextInt(s.size()));
      StringBuilder solution = new StringBuilder();
      for (int k = 0, n = 2 + r.nextInt(4); k < n; k++) {
        solution.append("- ").append(s.get(r.nextInt(s.size()))).append('\n');
      }
      long now = 1_700_000_000_000L + i;
      return new Article(String.format("00000000-0000-7000-8000-%012d", i), title, problem, solution.toString(),
          product, LANGUAGES[l], List.of("tag" + r.nextInt(50)), r.nextInt(10) == 0 ? ArticleStatus.DRAFT
          : ArticleStatus.PUBLISHED, "bench", 1, r.nextInt(20), 0, r.nextInt(5), 0, now, now);
    }

    String shortQuestion(Random r) {
      int l = r.nextInt(LANGUAGES.length);
      String q = words(l, r, 2 + r.nextInt(3));
      if (r.nextInt(5) == 0) {
        int cut = 1 + r.nextInt(q.length() - 1);
        q = q.substring(0, cut) + q.substring(cut + 1);
      }
      return r.nextInt(4) == 0 ? q + " " + places.get(r.nextInt(places.size())) : q;
    }

    String email(Random r) {
      int l = r.nextInt(LANGUAGES.length);
      return "Hello, " + words(l, r, 50) + " " + products.get(r.nextInt(products.size())) + " "
          + places.get(r.nextInt(places.size())) + ". " + words(l, r, 7) + " Regards";
    }

    private String words(int language, Random r, int n) {
      List<String> w = words.get(language);
      StringBuilder b = new StringBuilder();
      for (int i = 0; i < n; i++) {
        b.append(i == 0 ? "" : " ").append(w.get(r.nextInt(w.size())));
      }
      return b.toString();
    }
  }
}
