package dev.billinggate.cli;

import dev.billinggate.app.BillingGate;
import dev.billinggate.app.ServerConfig;
import dev.billinggate.service.organizations.OrganizationsSettings;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

/**
 * Runs {@link TrainingWorkload} against an in-memory server on a free loopback port, then exits.
 * The launcher runs it once per build with the JVM recording its start-up cache (JDK 25's AOT cache,
 * JDK 17's class-data archive), so that every later start maps the classes and, on JDK 25, the
 * method profiles of the request paths a test suite takes, instead of whatever the first
 * {@code serve} after a build happened to do.
 */
@Command(name = "train", hidden = true,
    description = "Exercise an in-memory server with a test-suite-like workload, then exit (the launcher records its start-up cache this way).")
public final class TrainCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  private int rounds;

  @Option(names = "--rounds", defaultValue = "20", description = "Workload rounds (default: ${DEFAULT-VALUE}).")
  void rounds(int value) {
    rounds = GovernanceOptions.require(spec, value, value >= 1, "--rounds must be at least 1");
  }

  @Override
  public Integer call() {
    ServerConfig config = ServerConfig.inMemory(0)
        .withOrganizations(OrganizationsSettings.defaults().withDelays(Duration.ZERO, Duration.ZERO));
    PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
    try (BillingGate gate = BillingGate.start(config, quiet);
        SdkHttpClient http = UrlConnectionHttpClient.create()) {
      TrainingWorkload workload = new TrainingWorkload(gate, http);
      for (int i = 0; i < rounds; i++) {
        workload.round();
      }
    }
    return ExitCodes.OK;
  }
}
