package io.switchboard.runtime.bench;

import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/** Runs a task on N threads for a while and reports throughput and latency percentiles. */
final class Measurement {
  /** One unit of work: one interaction, start to saved. */
  @FunctionalInterface
  interface Task {
    void run(int thread, long iteration) throws Exception;
  }

  record Result(double perSecond, double p50Micros, double p99Micros, long count) {}

  private Measurement() {}

  static Result run(Task task, int threads, double warmupSeconds, double seconds) throws InterruptedException {
    execute(task, threads, warmupSeconds, 1 << 10);
    return execute(task, threads, seconds, 1 << 22);
  }

  private static Result execute(Task task, int threads, double seconds, int maxSamples) throws InterruptedException {
    AtomicBoolean stop = new AtomicBoolean();
    long[][] samples = new long[threads][maxSamples];
    long[] counts = new long[threads];
    Throwable[] failures = new Throwable[threads];
    CountDownLatch ready = new CountDownLatch(threads);
    CountDownLatch go = new CountDownLatch(1);
    Thread[] workers = new Thread[threads];
    for (int t = 0; t < threads; t++) {
      int thread = t;
      workers[t] = new Thread(() -> {
        ready.countDown();
        try {
          go.await();
          long i = 0;
          while (!stop.get()) {
            long t0 = System.nanoTime();
            task.run(thread, i);
            long took = System.nanoTime() - t0;
            samples[thread][(int) (i % maxSamples)] = took;
            i++;
          }
          counts[thread] = i;
        } catch (Throwable e) {
          failures[thread] = e;
        }
      }, "bench-" + t);
      workers[t].start();
    }
    ready.await();
    long start = System.nanoTime();
    go.countDown();
    Thread.sleep((long) (seconds * 1000));
    stop.set(true);
    for (Thread worker : workers) {
      worker.join();
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    for (Throwable failure : failures) {
      if (failure != null) {
        throw new IllegalStateException("benchmark task failed", failure);
      }
    }
    long total = Arrays.stream(counts).sum();
    long[] all = new long[(int) Math.min(total, (long) threads * maxSamples)];
    int n = 0;
    for (int t = 0; t < threads; t++) {
      int kept = (int) Math.min(counts[t], maxSamples);
      System.arraycopy(samples[t], 0, all, n, kept);
      n += kept;
    }
    Arrays.sort(all, 0, n);
    return new Result(total / elapsed, percentile(all, n, 0.50) / 1000.0, percentile(all, n, 0.99) / 1000.0, total);
  }

  static long percentile(long[] sorted, int n, double p) {
    return n == 0 ? 0 : sorted[Math.min(n - 1, (int) Math.ceil(p * n) - 1)];
  }
}
