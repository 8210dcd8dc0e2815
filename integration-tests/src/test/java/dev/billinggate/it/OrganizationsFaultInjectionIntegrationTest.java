package dev.billinggate.it;

import static dev.billinggate.junit5.BillingGateHandle.ADMIN;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.billinggate.junit5.BillingGateHandle;
import dev.billinggate.service.organizations.OrganizationsSettings;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.organizations.model.ConcurrentModificationException;
import software.amazon.awssdk.services.organizations.model.TooManyRequestsException;

/** The serve options that inject Organizations faults reach SDK clients as AWS's exceptions. */
class OrganizationsFaultInjectionIntegrationTest {

  @Test
  void throttlingIsInjectedWhenAsked() {
    try (BillingGateHandle emulator = BillingGateHandle.start(BillingGateHandle.defaultConfig()
        .withOrganizations(OrganizationsSettings.defaults().withFaults(1.0, 0)))) {
      assertThatThrownBy(() -> emulator.organizations(ADMIN).createOrganization(r -> r.featureSet("ALL")))
          .isInstanceOf(TooManyRequestsException.class);
    }
  }

  @Test
  void conflictsAreInjectedIntoMutationsOnly() {
    try (BillingGateHandle emulator = BillingGateHandle.start(BillingGateHandle.defaultConfig()
        .withOrganizations(OrganizationsSettings.defaults().withFaults(0, 1.0)))) {
      assertThatThrownBy(() -> emulator.organizations(ADMIN).createOrganization(r -> r.featureSet("ALL")))
          .isInstanceOf(ConcurrentModificationException.class);
    }
  }
}
