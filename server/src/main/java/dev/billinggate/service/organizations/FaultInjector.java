package dev.billinggate.service.organizations;

import java.util.function.DoubleSupplier;

/**
 * Answers a configurable share of requests with the throttling and conflict errors AWS clients must
 * retry, so client code can be tested against them. Off unless a rate is set.
 */
final class FaultInjector {
  private final OrganizationsSettings settings;
  private final DoubleSupplier random;

  /** @param random uniform values in [0, 1), injected so tests decide exactly which requests fail */
  FaultInjector(OrganizationsSettings settings, DoubleSupplier random) {
    this.settings = settings;
    this.random = random;
  }

  void beforeRead() {
    if (settings.throttleRate() > 0 && random.getAsDouble() < settings.throttleRate()) {
      throw OrganizationsError.TOO_MANY_REQUESTS.exception(
          "AWS Organizations can't complete your request because another request is already in progress."
              + " Try again later.");
    }
  }

  void beforeWrite() {
    beforeRead();
    if (settings.conflictRate() > 0 && random.getAsDouble() < settings.conflictRate()) {
      throw OrganizationsError.CONCURRENT_MODIFICATION.exception(
          "AWS Organizations can't complete your request because it conflicts with another attempt to modify"
              + " the same entity. Try again later.");
    }
  }
}
