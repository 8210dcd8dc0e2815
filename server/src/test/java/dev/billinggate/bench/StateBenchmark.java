package dev.billinggate.bench;

import dev.billinggate.app.BillingGate;
import dev.billinggate.app.ServerConfig;
import dev.billinggate.service.billing.BillingAccess;
import dev.billinggate.service.organizations.OrganizationsSettings;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.organizations.OrganizationsClient;

/**
 * {@code BillingGate.reset()} and {@code restoreSnapshot(...)} with an organization of 1,000
 * accounts and 10,000 IAM users in the store (built through the SDK, once per fork), in memory and
 * on SQLite. {@code reset} starts from the big state each time; {@code restore} from the
 * first-start state.
 *
 * <pre>
 * mvn -q -o -f server/pom.xml test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.openjdk.jmh.Main \
 *   -Djmh.ignoreLock=true -Dexec.args="StateBenchmark -f 0 -wi 5 -i 10 -bm sample -tu ms"
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
public class StateBenchmark {
  static final int ACCOUNTS = 1_000;
  static final int USERS = 10_000;
  private static final AwsBasicCredentials ADMIN =
      AwsBasicCredentials.create("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");

  @Param({"memory", "sqlite"})
  public String store;

  BillingGate gate;
  private Path dataDir;

  @Setup(Level.Trial)
  public void build() throws IOException {
    boolean memory = store.equals("memory");
    dataDir = memory ? null : Files.createTempDirectory("state-bench");
    ServerConfig config = new ServerConfig("127.0.0.1", 0, dataDir, memory, "root-Passw0rd!", "admin-Passw0rd!",
        OrganizationsSettings.defaults().withAccountQuota(ACCOUNTS + 1).withDelays(Duration.ZERO, Duration.ZERO),
        BillingAccess.DefaultRule.DOCUMENTED_ALLOW);
    gate = BillingGate.start(config, new PrintStream(OutputStream.nullOutputStream()));
    try (OrganizationsClient organizations = OrganizationsClient.builder().endpointOverride(gate.endpoint())
            .region(Region.US_EAST_1).credentialsProvider(StaticCredentialsProvider.create(ADMIN))
            .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
        IamClient iam = IamClient.builder().endpointOverride(gate.endpoint()).region(Region.AWS_GLOBAL)
            .credentialsProvider(StaticCredentialsProvider.create(ADMIN))
            .httpClientBuilder(UrlConnectionHttpClient.builder()).build()) {
      organizations.createOrganization(r -> {});
      for (int i = 0; i < ACCOUNTS; i++) {
        int n = i;
        organizations.createAccount(r -> r.accountName("Member " + n).email("member" + n + "@example.com"));
      }
      for (int i = 0; i < USERS; i++) {
        int n = i;
        iam.createUser(r -> r.userName("user-" + n));
      }
    }
    gate.saveSnapshot("big");
  }

  @TearDown(Level.Trial)
  public void close() throws IOException {
    gate.close();
    if (dataDir != null) {
      try (Stream<Path> files = Files.walk(dataDir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  /** Puts the big state back before each measured reset. */
  @State(Scope.Thread)
  public static class BigState {
    @Setup(Level.Invocation)
    public void restore(StateBenchmark bench) {
      bench.gate.restoreSnapshot("big");
    }
  }

  /** Starts each measured restore from the first-start state. */
  @State(Scope.Thread)
  public static class FirstStart {
    @Setup(Level.Invocation)
    public void reset(StateBenchmark bench) {
      bench.gate.reset();
    }
  }

  @Benchmark
  public void reset(BigState big) {
    gate.reset();
  }

  @Benchmark
  public void restore(FirstStart first) {
    gate.restoreSnapshot("big");
  }
}
