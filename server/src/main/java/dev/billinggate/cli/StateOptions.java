package dev.billinggate.cli;

import java.net.URI;
import picocli.CommandLine.Option;

/** Where the {@code state} commands find the running server and as whom they sign (a picocli mixin). */
final class StateOptions {
  enum Output { TEXT, JSON }

  @Option(names = "--endpoint-url", paramLabel = "URL",
      description = "The running billing-gate (default: AWS_ENDPOINT_URL, else http://127.0.0.1:4566).")
  URI endpointUrl;

  @Option(names = "--profile", paramLabel = "NAME", description = "Shared config/credentials profile (default: the default credential chain).")
  String profile;

  @Option(names = "--region", paramLabel = "REGION", defaultValue = "us-east-1", description = "Region in the signature (default: ${DEFAULT-VALUE}).")
  String region;

  @Option(names = "--output", paramLabel = "FORMAT", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
  Output output;

  @Option(names = "--debug", description = "Print stack traces of failures.")
  boolean debug;

  URI endpoint() {
    if (endpointUrl != null) {
      return endpointUrl;
    }
    String configured = System.getProperty("aws.endpointUrl", System.getenv("AWS_ENDPOINT_URL"));
    return URI.create(configured != null && !configured.isBlank() ? configured : "http://127.0.0.1:4566");
  }
}
