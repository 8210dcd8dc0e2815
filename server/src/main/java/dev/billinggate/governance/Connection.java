package dev.billinggate.governance;

import java.net.URI;

/**
 * Where and as whom the governance commands talk to AWS.
 *
 * @param profile shared-config profile, or null for the default credential chain
 * @param region Region for STS (AssumeRoot needs a Regional endpoint), or null for the SDK's own lookup then us-east-1
 * @param endpoint one endpoint for every service (the emulator), or null for AWS's (AWS_ENDPOINT_URL still applies)
 * @param maxAttempts attempts per API call, retries of throttling and transient errors included
 * @param adaptive the SDK's adaptive retry mode (client-side rate limiting) instead of standard
 * @param callsPerSecondPerApi client-side pacing of each API across all accounts; 0 for none
 */
public record Connection(
    String profile, String region, URI endpoint, int maxAttempts, boolean adaptive, double callsPerSecondPerApi) {
  public Connection {
    if (callsPerSecondPerApi < 0) {
      throw new IllegalArgumentException("the rate limit must not be negative");
    }
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("max attempts must be at least 1");
    }
  }
}
