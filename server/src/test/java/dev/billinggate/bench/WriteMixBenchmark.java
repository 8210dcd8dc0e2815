package dev.billinggate.bench;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryPolicy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * A write-heavy mix through the SDK: each thread repeats CreateUser then AttachUserPolicy
 * (ReadOnlyAccess) on a new user, its thread's endpoint taken round-robin from {@code --urls}, so
 * writers spread over several servers sharing one database. Prints writes/s over the measured
 * period. Every request is a committed write, so on PostgreSQL the rate is the database's commit
 * rate for serialized commits.
 *
 * <pre>
 * java -cp … dev.billinggate.bench.WriteMixBenchmark --urls http://127.0.0.1:4566,http://127.0.0.1:4567 \
 *     --threads 4 --warmup 2 --duration 10 [--label NAME]
 * </pre>
 */
public final class WriteMixBenchmark {
  private static final String POLICY = "arn:aws:iam::aws:policy/ReadOnlyAccess";

  private WriteMixBenchmark() {}

  public static void main(String[] args) throws InterruptedException {
    List<URI> urls = Arrays.stream(BenchServer.option(args, "--urls", "http://127.0.0.1:4566").split(","))
        .map(URI::create).toList();
    int threads = Integer.parseInt(BenchServer.option(args, "--threads", "4"));
    int warmup = Integer.parseInt(BenchServer.option(args, "--warmup", "2"));
    int duration = Math.min(60, Integer.parseInt(BenchServer.option(args, "--duration", "10")));
    String label = BenchServer.option(args, "--label", "write-mix");
    String run = Long.toString(System.nanoTime(), 36);

    long measureFrom = System.nanoTime() + warmup * 1_000_000_000L;
    long stopAt = measureFrom + duration * 1_000_000_000L;
    AtomicLong writes = new AtomicLong();
    AtomicLong errors = new AtomicLong();
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      URI url = urls.get(t % urls.size());
      String prefix = "bench-" + run + "-" + t + "-";
      Thread worker = new Thread(() -> {
        try (IamClient iam = IamClient.builder().endpointOverride(url).region(Region.AWS_GLOBAL)
            .httpClient(UrlConnectionHttpClient.create())
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                "AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")))
            .overrideConfiguration(o -> o.retryPolicy(RetryPolicy.none()).apiCallTimeout(Duration.ofSeconds(30)))
            .build()) {
          for (int i = 0; System.nanoTime() < stopAt; i++) {
            String name = prefix + i;
            try {
              iam.createUser(r -> r.userName(name));
              count(writes, measureFrom);
              iam.attachUserPolicy(r -> r.userName(name).policyArn(POLICY));
              count(writes, measureFrom);
            } catch (RuntimeException e) {
              errors.incrementAndGet();
            }
          }
        }
      }, "writer-" + t);
      workers.add(worker);
      worker.start();
    }
    for (Thread worker : workers) {
      worker.join();
    }
    System.out.printf(Locale.ROOT, "%s x%d threads over %d server(s): %d writes, %.0f writes/s, %d errors%n",
        label, threads, urls.size(), writes.get(), writes.get() / (double) duration, errors.get());
  }

  private static void count(AtomicLong writes, long measureFrom) {
    if (System.nanoTime() >= measureFrom) {
      writes.incrementAndGet();
    }
  }
}
