package dev.billinggate.cli;

import dev.billinggate.app.BillingGate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

/**
 * Runs {@link TrainingWorkload} against a running server as its bootstrap admin, resetting it after
 * each round, then exits. The launcher runs it once per build against an in-memory {@code serve}
 * whose JVM records its start-up cache (JDK 25's AOT cache, JDK 17's class-data archive) until it is
 * stopped, so that every later start maps the classes and, on JDK 25, the method profiles of the
 * request paths a test suite takes, and nothing of the client's.
 */
@Command(name = "train", hidden = true,
    description = "Exercise a running server with a test-suite-like workload, resetting it after each round (the launcher records its start-up cache this way).")
public final class TrainCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  private int rounds;

  @Option(names = "--endpoint-url", paramLabel = "URL", required = true,
      description = "The server to exercise; it must still have the bootstrap admin's key, and is reset after each round.")
  URI endpoint;

  @Option(names = "--rounds", defaultValue = "20", description = "Workload rounds (default: ${DEFAULT-VALUE}).")
  void rounds(int value) {
    rounds = GovernanceOptions.require(spec, value, value >= 1, "--rounds must be at least 1");
  }

  @Override
  public Integer call() {
    AwsBasicCredentials admin =
        AwsBasicCredentials.create(BillingGate.ADMIN_ACCESS_KEY_ID, BillingGate.ADMIN_SECRET_ACCESS_KEY);
    StateClient state = new StateClient(endpoint, "us-east-1", StaticCredentialsProvider.create(admin));
    try (SdkHttpClient http = UrlConnectionHttpClient.create()) {
      TrainingWorkload workload = new TrainingWorkload(endpoint, admin, () -> reset(state), http);
      for (int i = 0; i < rounds; i++) {
        workload.round();
      }
    } catch (SdkClientException | UncheckedIOException e) {
      spec.commandLine().getErr().println("billing-gate train: cannot reach billing-gate at " + endpoint + ": " + e);
      return ExitCodes.CONFIGURATION;
    } catch (AwsServiceException | IllegalStateException e) {
      spec.commandLine().getErr().println("billing-gate train: the server refused the workload: " + e.getMessage());
      return ExitCodes.AWS_ERROR;
    }
    return ExitCodes.OK;
  }

  private static void reset(StateClient state) {
    try {
      state.send("POST", "/_billing-gate/v1/reset", new byte[0]);
    } catch (StateClient.ApiError e) {
      throw new IllegalStateException("reset refused: " + e.code + ": " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
