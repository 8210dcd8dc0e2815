package dev.billinggate.service.organizations;

import dev.billinggate.policy.PolicyKind;
import java.time.Duration;

/**
 * Tunables of the emulated Organizations service.
 *
 * @param accountQuota accounts per organization, closed ones included (AWS's default quota is 10)
 * @param maxCreateAccountInProgress concurrent CreateAccount requests per organization (AWS: 5)
 * @param createAccountDelay how long a CreateAccount request stays IN_PROGRESS; zero completes it
 *     on the next observation
 * @param closeAccountDelay how long a closing account stays PENDING_CLOSURE
 * @param throttleRate share of requests (0..1) answered with TooManyRequestsException
 * @param conflictRate share of mutating requests (0..1) answered with ConcurrentModificationException
 * @param scpMaxBytes largest SCP document accepted; AWS raised it from 5,120 to 10,240 in 2026, set
 *     5,120 to reproduce the older quota
 */
public record OrganizationsSettings(
    int accountQuota,
    int maxCreateAccountInProgress,
    Duration createAccountDelay,
    Duration closeAccountDelay,
    double throttleRate,
    double conflictRate,
    int scpMaxBytes) {

  public OrganizationsSettings {
    if (accountQuota < 1 || maxCreateAccountInProgress < 1) {
      throw new IllegalArgumentException("quotas must be positive");
    }
    if (createAccountDelay.isNegative() || closeAccountDelay.isNegative()) {
      throw new IllegalArgumentException("delays must not be negative");
    }
    if (throttleRate < 0 || throttleRate > 1 || conflictRate < 0 || conflictRate > 1) {
      throw new IllegalArgumentException("fault rates must be within 0..1");
    }
    if (scpMaxBytes < 1 || scpMaxBytes > PolicyKind.SERVICE_CONTROL.maxChars()) {
      throw new IllegalArgumentException("the SCP size quota must be within 1.." + PolicyKind.SERVICE_CONTROL.maxChars());
    }
  }

  public static OrganizationsSettings defaults() {
    return new OrganizationsSettings(10, 5, Duration.ofSeconds(2), Duration.ofSeconds(2), 0, 0,
        PolicyKind.SERVICE_CONTROL.maxChars());
  }

  public OrganizationsSettings withAccountQuota(int quota) {
    return new OrganizationsSettings(
        quota, maxCreateAccountInProgress, createAccountDelay, closeAccountDelay, throttleRate, conflictRate, scpMaxBytes);
  }

  public OrganizationsSettings withDelays(Duration create, Duration close) {
    return new OrganizationsSettings(
        accountQuota, maxCreateAccountInProgress, create, close, throttleRate, conflictRate, scpMaxBytes);
  }

  public OrganizationsSettings withFaults(double throttle, double conflict) {
    return new OrganizationsSettings(
        accountQuota, maxCreateAccountInProgress, createAccountDelay, closeAccountDelay, throttle, conflict, scpMaxBytes);
  }

  public OrganizationsSettings withScpMaxBytes(int bytes) {
    return new OrganizationsSettings(
        accountQuota, maxCreateAccountInProgress, createAccountDelay, closeAccountDelay, throttleRate, conflictRate, bytes);
  }
}
