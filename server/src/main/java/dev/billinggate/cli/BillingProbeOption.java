package dev.billinggate.cli;

import dev.billinggate.governance.AwsClients;
import dev.billinggate.governance.EmulatorBillingProbe;
import picocli.CommandLine.Option;

/** {@code --probe-billing-access}, for the commands that audit (a picocli mixin). */
final class BillingProbeOption {
  @Option(names = "--probe-billing-access", description = "Read each account's billing-access switch from"
      + " billing-gate's own API (the emulator only: AWS has no API for it); needs --endpoint-url or"
      + " AWS_ENDPOINT_URL. Falls back to the vending records and attestations when the endpoint does not answer.")
  boolean enabled;

  /** The probe when asked for, else null; asked for without an emulator endpoint, a usage error. */
  EmulatorBillingProbe probe(AwsClients clients) {
    EmulatorBillingProbe probe = enabled ? clients.emulatorProbe() : null;
    if (enabled && probe == null) {
      throw new GovernanceRun.UsageError("--probe-billing-access reads billing-gate's own API; give --endpoint-url"
          + " (or AWS_ENDPOINT_URL) pointing at billing-gate");
    }
    return probe;
  }
}
