package dev.billinggate.cli;

import dev.billinggate.core.IdGenerator;
import dev.billinggate.governance.AwsClients;
import dev.billinggate.governance.Connection;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Where and as whom every governance command talks to AWS (a picocli mixin), named as the AWS CLI
 * names them. Options only some commands use live in their own mixins ({@link OutputOptions},
 * {@link ReportOption}, {@link ConcurrencyOption}), so no command lists an option it ignores or refuses.
 */
final class GovernanceOptions {
  enum RetryMode { STANDARD, ADAPTIVE }

  @Option(names = {"-p", "--profile"}, paramLabel = "NAME", description = "Shared config/credentials profile (default: the default credential chain).")
  String profile;

  @Option(names = "--region", paramLabel = "REGION", description = "Region of the STS endpoint AssumeRoot uses (default: AWS_REGION, the profile's, else us-east-1).")
  String region;

  @Option(names = "--endpoint-url", paramLabel = "URL", description = "One endpoint for every service, e.g. the emulator (AWS_ENDPOINT_URL works too).")
  URI endpointUrl;

  @Option(names = "--debug", description = "Print stack traces of failures.")
  boolean debug;

  @Option(names = "--no-color", description = "No ANSI colors (also when NO_COLOR is set or stdout is not a terminal).")
  boolean noColor;

  int maxAttempts;

  /** Bad numbers are usage errors (exit 2) caught while parsing, before any AWS call. */
  @Option(names = "--max-attempts", paramLabel = "N", defaultValue = "8", description = "Attempts per AWS call, with jittered exponential backoff (default: ${DEFAULT-VALUE}).")
  void maxAttempts(int n) {
    maxAttempts = require(command, n, n >= 1, "--max-attempts must be at least 1");
  }

  double rateLimit;

  @Option(names = "--rate-limit", paramLabel = "CALLS", defaultValue = "0",
      description = "Client-side pacing: at most CALLS per second for each AWS API across all accounts (default: none).")
  void rateLimit(double calls) {
    rateLimit = require(command, calls, calls >= 0, "--rate-limit must not be negative");
  }

  @Option(names = "--retry-mode", paramLabel = "MODE", defaultValue = "standard", description = "standard (jittered backoff) or adaptive (also rate-limits client-side once throttled; default: ${DEFAULT-VALUE}).")
  RetryMode retryMode;

  /** Shown on a line of its own: a path must not be broken at its dots. */
  @Option(names = "--state-dir", paramLabel = "DIR", defaultValue = "./.billing-gate-governance",
      description = {"Vending records and apply state.", "Default: ${DEFAULT-VALUE}"})
  Path stateDir;

  @Spec(Spec.Target.MIXEE) CommandSpec command;

  /** The governance commands' only sources of time and ids. */
  final Clock clock = Clock.systemUTC();
  final IdGenerator ids = IdGenerator.secure();

  /** {@code value}, or a usage error (exit 2) saying {@code message} when it is not {@code valid}. */
  static <T> T require(CommandSpec command, T value, boolean valid, String message) {
    if (!valid) {
      throw new ParameterException(command.commandLine(), message + ", not " + value);
    }
    return value;
  }

  boolean color() {
    return !noColor && System.getenv("NO_COLOR") == null && System.console() != null;
  }

  AwsClients clients() {
    return clients(endpointUrl);
  }

  /** Clients for {@code endpoint} instead of {@code --endpoint-url} (a side of {@code twin diff}). */
  AwsClients clients(URI endpoint) {
    return new AwsClients(new Connection(profile, region, endpoint, maxAttempts, retryMode == RetryMode.ADAPTIVE, rateLimit));
  }
}
