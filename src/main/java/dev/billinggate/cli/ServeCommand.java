package dev.billinggate.cli;

import dev.billinggate.app.BillingGate;
import dev.billinggate.app.ServerConfig;
import dev.billinggate.app.StartupException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = "Run the emulator: one endpoint for IAM, STS, Organizations, Cost Explorer, Budgets, Billing and Account, plus the console under /console/.")
final class ServeCommand implements Callable<Integer> {

  @Option(names = "--host", defaultValue = ServerConfig.DEFAULT_HOST, description = "Address to bind (default: ${DEFAULT-VALUE}).")
  String host;

  @Option(names = "--port", defaultValue = "4566", description = "Port to listen on, 0 for any free port (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--data", defaultValue = ".billing-gate", description = "Directory of the durable store (default: ${DEFAULT-VALUE}).")
  Path data;

  @Option(names = "--in-memory", description = "Keep nothing on disk; state is lost on exit.")
  boolean inMemory;

  @Override
  public Integer call() {
    ServerConfig config = new ServerConfig(
        host, port, data, inMemory,
        System.getenv("BILLING_GATE_ROOT_PASSWORD"), System.getenv("BILLING_GATE_ADMIN_PASSWORD"));
    BillingGate gate;
    try {
      gate = BillingGate.start(config, System.out);
    } catch (StartupException e) {
      System.err.println("billing-gate: " + e.getMessage());
      return ExitCodes.CONFIGURATION;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      gate.close();
      stopped.countDown();
    }, "billing-gate-shutdown"));
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return ExitCodes.OK;
  }
}
