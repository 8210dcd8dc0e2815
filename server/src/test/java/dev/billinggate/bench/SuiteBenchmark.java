package dev.billinggate.bench;

import dev.billinggate.testing.SignedHttp;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * The test-suite benchmark behind {@code scripts/bench-suite.sh}: {@code --tests} tests (200), each
 * from a clean state running {@link SuiteScenario}, against one emulator, with one way of getting the
 * clean state:
 *
 * <ul>
 *   <li>{@code --mode reset --url U}: billing-gate's {@code POST /_billing-gate/v1/reset}, signed by the
 *       bootstrap admin;
 *   <li>{@code --mode moto --url U}: moto's {@code POST /moto-api/reset};
 *   <li>{@code --mode restart --command "CMD ... %PORT%"}: the server process stopped and started again,
 *       ready once a signed {@code GetCallerIdentity} answers.
 * </ul>
 *
 * Prints one line: the total wall time (clean state included), per-test median and p90, the clean
 * state's median, and how many tests saw the SCP deny the member's call. Targets 127.0.0.1 only.
 * {@code --warm-up N} runs N tests first, untimed: the figures are then those of a long suite's
 * later tests, with the client program's and the server's code compiled. {@code --server-pid P}
 * adds the server process's CPU per test over the timed tests.
 */
public final class SuiteBenchmark {
  /** billing-gate's bootstrap admin; moto accepts any key. */
  static final AwsCredentials ADMIN =
      AwsBasicCredentials.create("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
  private static final Duration READY_WITHIN = Duration.ofSeconds(60);

  private SuiteBenchmark() {}

  public static void main(String[] args) throws Exception {
    String mode = BenchServer.option(args, "--mode", "reset");
    int tests = Integer.parseInt(BenchServer.option(args, "--tests", "200"));
    int warmUp = Integer.parseInt(BenchServer.option(args, "--warm-up", "0"));
    String serverPid = BenchServer.option(args, "--server-pid", null);
    Optional<ProcessHandle> server = serverPid == null ? Optional.empty() : ProcessHandle.of(Long.parseLong(serverPid));
    try (SdkHttpClient http = UrlConnectionHttpClient.create();
        CleanState clean = switch (mode) {
          case "reset" -> new Reset(URI.create(BenchServer.option(args, "--url", "http://127.0.0.1:4566")));
          case "moto" -> new MotoReset(URI.create(BenchServer.option(args, "--url", "http://127.0.0.1:5000")));
          case "restart" -> new Restart(BenchServer.option(args, "--command", null), http);
          default -> throw new IllegalArgumentException("--mode reset|moto|restart, not " + mode);
        }) {
      if (warmUp > 0) {
        run(clean, http, warmUp, server);
      }
      System.out.println(mode + (warmUp > 0 ? " (after " + warmUp + " tests)" : "") + ": " + run(clean, http, tests, server));
    }
  }

  static Result run(CleanState clean, SdkHttpClient http, int tests, Optional<ProcessHandle> server) {
    List<Long> testNanos = new ArrayList<>();
    List<Long> cleanNanos = new ArrayList<>();
    int denied = 0;
    long cpuBefore = cpuNanos(ProcessHandle.current());
    long serverCpuBefore = server.map(SuiteBenchmark::cpuNanos).orElse(0L);
    long started = System.nanoTime();
    for (int i = 0; i < tests; i++) {
      long t0 = System.nanoTime();
      URI endpoint = clean.clean();
      long t1 = System.nanoTime();
      if (new SuiteScenario(endpoint, ADMIN, http).run() == SuiteScenario.Outcome.DENIED) {
        denied++;
      }
      cleanNanos.add(t1 - t0);
      testNanos.add(System.nanoTime() - t0);
    }
    long total = System.nanoTime() - started;
    OptionalLong serverCpu = server.isEmpty() ? OptionalLong.empty()
        : OptionalLong.of(cpuNanos(server.get()) - serverCpuBefore);
    return new Result(tests, total, testNanos, cleanNanos, denied, cpuNanos(ProcessHandle.current()) - cpuBefore,
        serverCpu);
  }

  /** CPU a process has used (all its threads, the JIT's and collector's included). */
  private static long cpuNanos(ProcessHandle process) {
    return process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
  }

  /**
   * @param clientCpuNanos the client program's own CPU over the tests: the same for every server
   * @param serverCpuNanos the server process's, when its pid was given
   */
  record Result(int tests, long totalNanos, List<Long> testNanos, List<Long> cleanNanos, int denied,
      long clientCpuNanos, OptionalLong serverCpuNanos) {
    @Override
    public String toString() {
      return String.format(Locale.ROOT,
          "%d tests in %.2f s (%.1f ms per test; median %.1f ms, p90 %.1f ms; clean state median %.1f ms);"
              + " the SCP denied the member's ListUsers in %d of %d; CPU per test: client %.1f ms%s",
          tests, totalNanos / 1e9, totalNanos / 1e6 / tests, percentile(testNanos, 50), percentile(testNanos, 90),
          percentile(cleanNanos, 50), denied, tests, clientCpuNanos / 1e6 / tests,
          serverCpuNanos.isEmpty() ? "" : String.format(Locale.ROOT, ", server %.1f ms",
              serverCpuNanos.getAsLong() / 1e6 / tests));
    }

    private static double percentile(List<Long> nanos, int p) {
      List<Long> sorted = new ArrayList<>(nanos);
      Collections.sort(sorted);
      return sorted.get(Math.min(sorted.size() - 1, sorted.size() * p / 100)) / 1e6;
    }
  }

  /** Brings the emulator to its first-start state; answers the endpoint to test against. */
  interface CleanState extends AutoCloseable {
    URI clean();

    @Override
    default void close() {}
  }

  private record Reset(URI endpoint) implements CleanState {
    @Override
    public URI clean() {
      SignedHttp.Reply reply = new SignedHttp(endpoint).send("POST", "/_billing-gate/v1/reset", Map.of(), "",
          "billing", ADMIN, Clock.systemUTC());
      return checked(reply, endpoint);
    }
  }

  private record MotoReset(URI endpoint) implements CleanState {
    @Override
    public URI clean() {
      SignedHttp.Reply reply = new SignedHttp(endpoint).send("POST", endpoint.resolve("/moto-api/reset"), Map.of(),
          new byte[0]);
      return checked(reply, endpoint);
    }
  }

  private static URI checked(SignedHttp.Reply reply, URI endpoint) {
    if (reply.status() != 200) {
      throw new IllegalStateException("reset answered " + reply.status() + ": " + reply.body());
    }
    return endpoint;
  }

  /** A new server process for every test; the previous one is stopped first, and waited for. */
  private static final class Restart implements CleanState {
    private final String command;
    private final SdkHttpClient http;
    private Process server;

    Restart(String command, SdkHttpClient http) {
      if (command == null || !command.contains("%PORT%")) {
        throw new IllegalArgumentException("--command must hold %PORT%");
      }
      this.command = command;
      this.http = http;
    }

    @Override
    public URI clean() {
      close();
      int port = freePort();
      List<String> words = Arrays.stream(command.replace("%PORT%", Integer.toString(port)).split(" ")).toList();
      try {
        server = new ProcessBuilder(words).redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(ProcessBuilder.Redirect.DISCARD).start();
      } catch (IOException e) {
        throw new IllegalStateException("cannot start " + words, e);
      }
      URI endpoint = URI.create("http://127.0.0.1:" + port);
      awaitReady(endpoint);
      return endpoint;
    }

    private void awaitReady(URI endpoint) {
      long deadline = System.nanoTime() + READY_WITHIN.toNanos();
      try (StsClient sts = StsClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1).httpClient(http)
          .credentialsProvider(StaticCredentialsProvider.create(ADMIN))
          .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry())).build()) {
        while (true) {
          try {
            sts.getCallerIdentity();
            return;
          } catch (SdkClientException notYet) {
            if (!server.isAlive() || System.nanoTime() > deadline) {
              throw new IllegalStateException("the server did not answer: " + command, notYet);
            }
            pause();
          }
        }
      }
    }

    private static void pause() {
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for the server", e);
      }
    }

    @Override
    public void close() {
      if (server != null) {
        server.destroy();
        try {
          server.waitFor();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        server = null;
      }
    }

    private static int freePort() {
      try (ServerSocket socket = new ServerSocket(0)) {
        return socket.getLocalPort();
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
