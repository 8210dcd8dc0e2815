package dev.billinggate.junit5.bench;

import dev.billinggate.app.ServerConfig;
import dev.billinggate.junit5.BillingGateHandle;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What the extension pays for each server after the first in a JVM: {@code BillingGateHandle.start()}
 * up to an endpoint that accepts requests (in-memory store, bootstrap account). One start per
 * iteration; the server is closed outside the measurement. {@code configured}: the extension's fixed
 * passwords, whose first-start state later servers reuse; {@code generated}: no passwords given, so
 * every start runs the bootstrap and its two bcrypt hashes (what every start cost before the reuse).
 * Command: scripts/bench-server-start.sh.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ServerStartBenchmark {
  @Param({"configured", "generated"})
  public String passwords;
  private ServerConfig config;
  private BillingGateHandle running;

  /** The first server of the JVM loads classes, models and managed policies: not what is measured. */
  @Setup(Level.Trial)
  public void firstServer() {
    ServerConfig fixed = BillingGateHandle.defaultConfig();
    config = "configured".equals(passwords) ? fixed : new ServerConfig(fixed.host(), fixed.port(), null, true, null, null,
        fixed.organizations(), fixed.billingAccessDefault());
    BillingGateHandle.start(config).close();
  }

  @Benchmark
  public BillingGateHandle start() {
    running = BillingGateHandle.start(config);
    return running;
  }

  @TearDown(Level.Iteration)
  public void stop() {
    running.close();
  }
}
