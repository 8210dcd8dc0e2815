package dev.billinggate.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.billinggate.governance.AuditReports;
import dev.billinggate.governance.AwsClients;
import dev.billinggate.governance.Connection;
import dev.billinggate.governance.ReportFormat;
import io.burt.jmespath.Expression;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Options every governance command shares (a picocli mixin), named as the AWS CLI names them. */
final class GovernanceOptions {
  enum Output { TABLE, JSON, TEXT, CSV }

  enum RetryMode { STANDARD, ADAPTIVE }

  @Option(names = "--profile", paramLabel = "NAME", description = "Shared config/credentials profile (default: the default credential chain).")
  String profile;

  @Option(names = "--region", paramLabel = "REGION", description = "Region of the STS endpoint AssumeRoot uses (default: AWS_REGION, the profile's, else us-east-1).")
  String region;

  @Option(names = "--endpoint-url", paramLabel = "URL", description = "One endpoint for every service, e.g. the emulator (AWS_ENDPOINT_URL works too).")
  URI endpointUrl;

  @Option(names = "--output", paramLabel = "FORMAT", defaultValue = "table", description = "table, json, text or csv (default: ${DEFAULT-VALUE}).")
  Output output;

  @Option(names = "--query", paramLabel = "EXPRESSION",
      description = "A JMESPath query to use in filtering the response data (the document --output json prints); the result is printed in --output's format.")
  String query;

  /** {@code --query} compiled by {@link #queryValid}; null without {@code --query}. */
  private Expression<JsonNode> compiledQuery;

  @Option(names = "--no-color", description = "No ANSI colors (also when NO_COLOR is set or stdout is not a terminal).")
  boolean noColor;

  @Option(names = "--debug", description = "Print stack traces of failures.")
  boolean debug;

  int concurrency;

  /** Bad numbers are usage errors (exit 2) caught while parsing, before any AWS call. */
  @Option(names = "--concurrency", paramLabel = "N", defaultValue = "8", description = "Accounts worked on at once (default: ${DEFAULT-VALUE}).")
  void concurrency(int n) {
    concurrency = require(n, n >= 1, "--concurrency must be at least 1");
  }

  int maxAttempts;

  @Option(names = "--max-attempts", paramLabel = "N", defaultValue = "8", description = "Attempts per AWS call, with jittered exponential backoff (default: ${DEFAULT-VALUE}).")
  void maxAttempts(int n) {
    maxAttempts = require(n, n >= 1, "--max-attempts must be at least 1");
  }

  double rateLimit;

  @Option(names = "--rate-limit", paramLabel = "CALLS", defaultValue = "0",
      description = "Client-side pacing: at most CALLS per second for each AWS API across all accounts (default: none).")
  void rateLimit(double calls) {
    rateLimit = require(calls, calls >= 0, "--rate-limit must not be negative");
  }

  @Option(names = "--retry-mode", paramLabel = "MODE", defaultValue = "standard", description = "standard (jittered backoff) or adaptive (also rate-limits client-side once throttled; default: ${DEFAULT-VALUE}).")
  RetryMode retryMode;

  @Option(names = "--report", paramLabel = "FILE", description = "Also write a report; the extension picks the format: .json, .csv, .sarif or .html.")
  Path report;

  @Option(names = "--state-dir", paramLabel = "DIR", defaultValue = ".billing-gate-governance", description = "Vending records and apply state (default: ${DEFAULT-VALUE}).")
  Path stateDir;

  @Spec(Spec.Target.MIXEE) CommandSpec command;

  private <T> T require(T value, boolean valid, String message) {
    if (!valid) {
      throw new ParameterException(command.commandLine(), message + ", not " + value);
    }
    return value;
  }

  AwsClients clients() {
    return new AwsClients(new Connection(profile, region, endpointUrl, maxAttempts, retryMode == RetryMode.ADAPTIVE, rateLimit));
  }

  /** Checks {@code --report}'s extension before any AWS call, so a typo costs nothing. */
  boolean reportFormatValid(String command, PrintWriter err) {
    if (report == null) {
      return true;
    }
    try {
      ReportFormat.of(report);
      return true;
    } catch (IllegalArgumentException e) {
      err.println(command + ": " + e.getMessage());
      return false;
    }
  }

  /** Parses {@code --query} before any AWS call: a malformed expression is a usage error, said in one line. */
  boolean queryValid(String command, PrintWriter err) {
    if (query == null) {
      return true;
    }
    try {
      compiledQuery = QueryOutput.compile(query);
      return true;
    } catch (IllegalArgumentException e) {
      err.println(command + ": " + e.getMessage());
      return false;
    }
  }

  /** The expression {@link #queryValid} compiled; null without {@code --query}. */
  Expression<JsonNode> query() {
    return compiledQuery;
  }

  /** Commands without a JSON result refuse {@code --query} rather than ignore it. */
  boolean noQuery(String command, PrintWriter err) {
    if (query != null) {
      err.println(command + ": --query applies to commands with a JSON result (audit, vend, root plan, root apply, explain)");
    }
    return query == null;
  }

  /**
   * With {@code --query}: prints {@code result}'s JSON document (exactly what {@code --output json} prints)
   * through the query, in {@code --output}'s format, and returns true. Without it returns false: the command
   * prints its own view.
   *
   * @throws QueryOutput.EvaluationException the query failed on this result
   */
  boolean printQueried(Object result, PrintWriter out) {
    if (query == null) {
      return false;
    }
    if (compiledQuery == null) {
      compiledQuery = QueryOutput.compile(query);
    }
    QueryOutput.print(QueryOutput.tree(AuditReports.toJson(result)), compiledQuery, output, out);
    return true;
  }

  /** Commands that produce no audit refuse {@code --report} rather than ignore it. */
  boolean noReport(String command, PrintWriter err) {
    if (report != null) {
      err.println(command + ": --report applies to audit, vend and root plan");
    }
    return report == null;
  }

  boolean color() {
    return !noColor && System.getenv("NO_COLOR") == null && System.console() != null;
  }
}
