package dev.billinggate.service.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.billinggate.policy.eval.DefaultPolicyEngine;
import dev.billinggate.service.organizations.OrganizationDirectory;
import dev.billinggate.store.memory.InMemoryStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class CostManagementTest {
  private final Clock clock = Clock.fixed(Instant.parse("2026-05-20T10:00:00Z"), ZoneOffset.UTC);
  private final InMemoryStore store = new InMemoryStore();
  private final OrganizationDirectory directory = new OrganizationDirectory(store, new DefaultPolicyEngine());

  @Test
  void enablingIsPerStandaloneAccountAndKeepsTheFirstTime() {
    CostManagement m = new CostManagement(store, directory, clock, Duration.ZERO);
    assertThat(m.isCostExplorerEnabled("111122223333")).isFalse();
    m.enableCostExplorer("111122223333");
    m.enableCostExplorer("111122223333");
    assertThat(m.costExplorerEnabledAt("111122223333")).contains(clock.instant());
    assertThat(m.isDataAvailable("111122223333")).isTrue();
    assertThat(m.isCostExplorerEnabled("444455556666")).isFalse();
  }

  @Test
  void dataWaitsForTheIngestionDelay() {
    CostManagement m = new CostManagement(store, directory, clock, Duration.ofHours(24));
    m.enableCostExplorer("111122223333");
    assertThat(m.isCostExplorerEnabled("111122223333")).isTrue();
    assertThat(m.isDataAvailable("111122223333")).isFalse();
  }

  @Test
  void standaloneAccountsHaveDefaultPreferencesAndCannotChangeThem() {
    CostManagement m = new CostManagement(store, directory, clock, Duration.ZERO);
    assertThat(m.preferencesFor("111122223333")).isEqualTo(CostManagement.Preferences.defaults("111122223333"));
    assertThat(m.preferencesFor("111122223333").linkedAccountAccess()).isTrue();
    assertThatThrownBy(() -> m.updatePreferences(new CostManagement.Preferences("111122223333", false, true, true)))
        .isInstanceOf(IllegalStateException.class);
  }
}
