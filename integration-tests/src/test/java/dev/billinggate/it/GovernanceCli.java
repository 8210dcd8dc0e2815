package dev.billinggate.it;

import dev.billinggate.cli.Main;
import dev.billinggate.junit5.BillingGateHandle;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/**
 * Runs governance commands in-process against a BillingGateHandle, as the management account's admin:
 * credentials come from the {@code aws.accessKeyId}/{@code aws.secretAccessKey} system properties,
 * which the SDK's default chain reads first, exactly as a user's environment would supply them.
 */
final class GovernanceCli implements AutoCloseable {
  record Result(int exitCode, String out, String err) {}

  private final BillingGateHandle emulator;
  private final Path stateDir;

  GovernanceCli(BillingGateHandle emulator, Path stateDir) {
    this.emulator = emulator;
    this.stateDir = stateDir;
    System.setProperty("aws.accessKeyId", BillingGateHandle.ADMIN.accessKeyId());
    System.setProperty("aws.secretAccessKey", BillingGateHandle.ADMIN.secretAccessKey());
  }

  /** Runs {@code command...} with the connection options appended after the subcommand path. */
  Result run(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--endpoint-url", emulator.endpoint().toString()));
    return execute(all);
  }

  /**
   * Runs without {@code --endpoint-url}: the endpoint comes from the SDK's standard configuration
   * ({@code aws.endpointUrl}, the system-property twin of AWS_ENDPOINT_URL).
   */
  Result runWithEndpointFromEnvironment(String... args) {
    System.setProperty("aws.endpointUrl", emulator.endpoint().toString());
    try {
      return execute(new ArrayList<>(List.of(args)));
    } finally {
      System.clearProperty("aws.endpointUrl");
    }
  }

  /** Runs with no endpoint at all, as against AWS (for checks that stop before any call). */
  Result runWithoutEndpoint(String... args) {
    return execute(new ArrayList<>(List.of(args)));
  }

  private Result execute(List<String> all) {
    all.addAll(List.of("--region", "us-east-1", "--state-dir", stateDir.toString(), "--no-color"));
    return main(all);
  }

  /** Runs {@code ./billing-gate args...} in-process, capturing stdout and stderr. */
  static Result main(List<String> all) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int code = cli.execute(all.toArray(String[]::new));
    return new Result(code, out.toString(), err.toString());
  }

  @Override
  public void close() {
    System.clearProperty("aws.accessKeyId");
    System.clearProperty("aws.secretAccessKey");
  }
}
