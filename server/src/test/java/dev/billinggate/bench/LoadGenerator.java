package dev.billinggate.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Closed-loop HTTP load: N keep-alive connections, each sending a SigV4-signed request as soon as
 * the previous answer arrived, for a warm-up and then a measured period; prints requests/s,
 * latency percentiles and errors. Signatures are made by the SDK's signer and renewed every
 * second, so the server verifies a current signature on every request. Targets 127.0.0.1 only.
 *
 * <pre>
 * mvn -q -o test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=dev.billinggate.bench.LoadGenerator \
 *   -Dexec.args="--url http://127.0.0.1:4566 --connections 8 --duration 10 --warmup 3 --operation sts-get-caller-identity"
 * </pre>
 *
 * Options: {@code --url} (or {@code --embedded trivial|sigv4} to start a {@link BenchServer} in
 * this JVM), {@code --connections} (8), {@code --warmup} seconds (3), {@code --duration} seconds
 * (10, at most 60), {@code --operation} {@code sts-get-caller-identity|iam-list-users},
 * {@code --access-key}/{@code --secret-key}/{@code --region} (the bench server's key, us-east-1).
 */
public final class LoadGenerator {
  private static final int MAX_DURATION_SECONDS = 60;
  private static final long RESIGN_MILLIS = 1000;
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private LoadGenerator() {}

  public static void main(String[] args) throws Exception {
    int connections = Integer.parseInt(BenchServer.option(args, "--connections", "8"));
    int warmup = Integer.parseInt(BenchServer.option(args, "--warmup", "3"));
    int duration = Math.min(MAX_DURATION_SECONDS, Integer.parseInt(BenchServer.option(args, "--duration", "10")));
    BenchOperation operation = BenchOperation.parse(BenchServer.option(args, "--operation", "sts-get-caller-identity"));
    String embedded = BenchServer.option(args, "--embedded", null);
    var server = embedded == null ? null : BenchServer.start(embedded, 0);
    try {
      String url = server == null ? BenchServer.option(args, "--url", null) : "http://127.0.0.1:" + server.port();
      if (url == null) {
        throw new IllegalArgumentException("Give --url http://127.0.0.1:<port> or --embedded trivial|sigv4");
      }
      BenchTarget target = BenchTarget.of(url, BenchServer.option(args, "--region", "us-east-1"),
          BenchServer.option(args, "--access-key", BenchServer.ACCESS_KEY_ID),
          BenchServer.option(args, "--secret-key", BenchServer.SECRET_ACCESS_KEY));
      Result result = run(target, operation, connections, warmup, duration);
      System.out.println(result.report(operation, connections, url));
    } finally {
      if (server != null) {
        server.close();
      }
    }
  }

  static Result run(BenchTarget target, BenchOperation operation, int connections, int warmupSeconds,
      int durationSeconds) throws InterruptedException {
    long measureFrom = System.nanoTime() + warmupSeconds * 1_000_000_000L;
    long stopAt = measureFrom + durationSeconds * 1_000_000_000L;
    List<Worker> workers = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < connections; i++) {
      Worker worker = new Worker(target, new SignedRequestBytes(target, operation, RESIGN_MILLIS), measureFrom, stopAt);
      Thread thread = new Thread(worker, "load-" + i);
      thread.setDaemon(true);
      workers.add(worker);
      threads.add(thread);
      thread.start();
    }
    for (Thread thread : threads) {
      thread.join();
    }
    return Result.merge(workers, durationSeconds);
  }

  /** One connection's loop; latencies are kept only for the measured period. */
  private static final class Worker implements Runnable {
    private final BenchTarget target;
    private final SignedRequestBytes request;
    private final long measureFrom;
    private final long stopAt;
    private final Map<Integer, Long> errorStatuses = new TreeMap<>();
    private long[] latencies = new long[1 << 16];
    private int count;
    private long ioErrors;
    private long cpuNanos;

    Worker(BenchTarget target, SignedRequestBytes request, long measureFrom, long stopAt) {
      this.target = target;
      this.request = request;
      this.measureFrom = measureFrom;
      this.stopAt = stopAt;
    }

    @Override
    public void run() {
      HttpConnection connection = null;
      long cpuAtMeasureStart = -1;
      for (long now = System.nanoTime(); now < stopAt; now = System.nanoTime()) {
        if (cpuAtMeasureStart < 0 && now >= measureFrom) {
          cpuAtMeasureStart = THREADS.getCurrentThreadCpuTime();
        }
        try {
          if (connection == null) {
            connection = new HttpConnection(target.port());
          }
          int status = connection.exchange(request.current(now));
          long done = System.nanoTime();
          if (now >= measureFrom) {
            record(done - now, status);
          }
          if (!connection.reusable()) {
            closeQuietly(connection);
            connection = null;
          }
        } catch (IOException e) {
          ioErrors += now >= measureFrom ? 1 : 0;
          closeQuietly(connection);
          connection = null;
        }
      }
      closeQuietly(connection);
      cpuNanos = cpuAtMeasureStart < 0 ? 0 : THREADS.getCurrentThreadCpuTime() - cpuAtMeasureStart;
    }

    private void record(long nanos, int status) {
      if (count == latencies.length) {
        latencies = Arrays.copyOf(latencies, count * 2);
      }
      latencies[count++] = nanos;
      if (status >= 300) {
        errorStatuses.merge(status, 1L, Long::sum);
      }
    }

    private static void closeQuietly(HttpConnection connection) {
      try {
        if (connection != null) {
          connection.close();
        }
      } catch (IOException ignored) {
        // already broken; nothing to release
      }
    }
  }

  /**
   * @param generatorCpuMicros CPU the generator's own threads spent per request: its self-cost,
   *     to compare with what the server spends
   */
  record Result(long requests, double perSecond, long p50Micros, long p99Micros, long maxMicros,
      long ioErrors, Map<Integer, Long> errorStatuses, double generatorCpuMicros) {

    static Result merge(List<Worker> workers, int durationSeconds) {
      long total = workers.stream().mapToLong(w -> w.count).sum();
      long[] all = new long[Math.toIntExact(total)];
      int at = 0;
      Map<Integer, Long> statuses = new TreeMap<>();
      AtomicLong ioErrors = new AtomicLong();
      for (Worker worker : workers) {
        System.arraycopy(worker.latencies, 0, all, at, worker.count);
        at += worker.count;
        worker.errorStatuses.forEach((status, n) -> statuses.merge(status, n, Long::sum));
        ioErrors.addAndGet(worker.ioErrors);
      }
      Arrays.sort(all);
      long cpuNanos = workers.stream().mapToLong(w -> w.cpuNanos).sum();
      return new Result(total, (double) total / durationSeconds,
          percentile(all, 0.50), percentile(all, 0.99), all.length == 0 ? 0 : all[all.length - 1] / 1000,
          ioErrors.get(), statuses, total == 0 ? 0 : cpuNanos / 1000.0 / total);
    }

    private static long percentile(long[] sorted, double p) {
      return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, Math.floor(p * sorted.length))] / 1000;
    }

    String report(BenchOperation operation, int connections, String url) {
      return String.format(Locale.ROOT,
          "%s x%d -> %s: %d requests, %.0f req/s, p50 %.3f ms, p99 %.3f ms, max %.3f ms, errors: %d io, http %s;"
              + " generator CPU %.1f us/request",
          operation.name().toLowerCase(Locale.ROOT), connections, url, requests, perSecond,
          p50Micros / 1000.0, p99Micros / 1000.0, maxMicros / 1000.0, ioErrors, errorStatuses, generatorCpuMicros);
    }
  }
}
