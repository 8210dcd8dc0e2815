package dev.billinggate.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.billinggate.junit5.BillingGateHandle;
import dev.billinggate.junit5.OrganizationFixture;
import dev.billinggate.service.organizations.OrganizationsSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.organizations.model.OrganizationFeatureSet;

/** {@code vend} when CreateAccount does not simply succeed: it stays IN_PROGRESS, or the quota is reached. */
class GovernanceVendIntegrationTest {
  static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path state;
  BillingGateHandle emulator;
  GovernanceCli cli;

  private void start(OrganizationsSettings settings) {
    emulator = BillingGateHandle.start(BillingGateHandle.defaultConfig().withOrganizations(settings));
    cli = new GovernanceCli(emulator, state);
    OrganizationFixture org = emulator.organization();
    emulator.organizations().createOrganization(r -> r.featureSet(OrganizationFeatureSet.ALL));
  }

  @AfterEach
  void stop() {
    cli.close();
    emulator.close();
  }

  @Test
  void aCreateAccountStillInProgressAtTheTimeoutIsReportedNotRecorded() throws Exception {
    // The emulator's clock stands still, so a delayed CreateAccount never completes.
    start(OrganizationsSettings.defaults().withDelays(Duration.ofSeconds(5), Duration.ZERO));
    var vend = cli.run("vend", "--account", "Slow=slow@example.com", "--timeout", "PT1S", "--output", "json");
    assertThat(vend.exitCode()).as(vend.err()).isEqualTo(3);
    JsonNode row = JSON.readTree(vend.out()).get(0);
    assertThat(row.get("accountId").isNull()).isTrue();
    assertThat(row.get("error").asText()).contains("still IN_PROGRESS");
    assertThat(state.resolve("vending.json")).doesNotExist();
  }

  @Test
  void withoutCentralizedRootAccessTheAccountIsVendedButNotReady() throws Exception {
    start(OrganizationsSettings.defaults().withDelays(Duration.ZERO, Duration.ZERO).withAccountQuota(2));
    var vend = cli.run("vend", "--account", "One=one@example.com", "--account", "Two=two@example.com");
    assertThat(vend.exitCode()).as(vend.err()).isEqualTo(3);
    // The quota (management account included) lets one through; the other fails with AWS's reason.
    assertThat(vend.out()).contains("ACCOUNT_LIMIT_EXCEEDED").contains("BLOCKED");
    assertThat(Files.readString(state.resolve("vending.json"))).contains("\"iamUserAccessToBilling\" : \"ALLOW\"");
    assertThat(vend.out()).contains("centralized-root-access").contains("not checked");
  }
}
