package dev.billinggate.junit5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.billinggate.service.organizations.OrganizationsSettings;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.organizations.model.IAMUserAccessToBilling;

/** A registered extension passes its configuration to the server it starts. */
class ConfiguredExtensionTest {
  @RegisterExtension
  static final BillingGateExtension extension = BillingGateExtension.configured(config -> config.withOrganizations(
      OrganizationsSettings.defaults().withDelays(Duration.ZERO, Duration.ZERO).withAccountQuota(2)));

  @Test
  void theOrganizationsSettingsApply(BillingGateHandle gate) {
    gate.organization().create();
    gate.organization().createAccount("Now", IAMUserAccessToBilling.ALLOW);
    // No creation delay: the account was there without moving the clock.
    assertThat(Duration.between(Instant.now(), gate.clock().instant())).isLessThan(Duration.ofSeconds(1));
    assertThatThrownBy(() -> gate.organization().createAccount("Over", IAMUserAccessToBilling.ALLOW))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("FAILED (ACCOUNT_LIMIT_EXCEEDED)");
  }
}
