package dev.billinggate.junit5.bench;

import dev.billinggate.junit5.BillingGateHandle;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import software.amazon.awssdk.services.organizations.model.IAMUserAccessToBilling;

/**
 * What the extension does before each test: {@code BillingGateHandle.reset()} (in process, no HTTP)
 * after a test left a seed-story state behind (an organization with five member accounts and
 * centralized root access, set up through the SDK outside the measurement). One reset per
 * iteration. Command: scripts/bench-server-start.sh PerTestResetBenchmark.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class PerTestResetBenchmark {
  private BillingGateHandle gate;

  @Setup(Level.Trial)
  public void start() {
    gate = BillingGateHandle.start();
  }

  @Setup(Level.Iteration)
  public void aTestRan() {
    gate.organization().create();
    for (int i = 0; i < 5; i++) {
      gate.organization().createAccount("Member " + i, IAMUserAccessToBilling.ALLOW);
    }
    gate.organization().enableCentralizedRootAccess();
  }

  @Benchmark
  public void reset() {
    gate.reset();
  }

  @TearDown(Level.Trial)
  public void stop() {
    gate.close();
  }
}
