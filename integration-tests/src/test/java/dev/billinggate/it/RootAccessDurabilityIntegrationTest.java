package dev.billinggate.it;

import static dev.billinggate.it.OrganizationRootAccess.AUDIT;
import static dev.billinggate.junit5.BillingGateHandle.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.billinggate.junit5.BillingGateHandle;
import dev.billinggate.junit5.OrganizationFixture;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.services.iam.model.FeatureType;
import software.amazon.awssdk.services.iam.model.SummaryKeyType;
import software.amazon.awssdk.services.organizations.model.IAMUserAccessToBilling;
import software.amazon.awssdk.services.organizations.model.OrganizationFeatureSet;

/** Root access features, root credentials and root sessions survive a restart of a durable store. */
class RootAccessDurabilityIntegrationTest {

  @Test
  void featuresRootCredentialsAndSessionsSurviveARestart(@TempDir Path data) {
    String member;
    AwsCredentials session;
    try (BillingGateHandle first = BillingGateHandle.start(BillingGateHandle.durableConfig(data))) {
      OrganizationFixture org = first.organization();
      first.organizations().createOrganization(r -> r.featureSet(OrganizationFeatureSet.ALL));
      org.enableCentralizedRootAccess();
      member = org.createAccount("Kept", IAMUserAccessToBilling.ALLOW);
      first.server().iam().memberAccounts().giveStandaloneRootCredentials(member, "Kept-Passw0rd!");
      session = org.assumeRoot(ADMIN, member, AUDIT);
    }
    try (BillingGateHandle second = BillingGateHandle.start(BillingGateHandle.durableConfig(data))) {
      assertThat(second.iam(ADMIN).listOrganizationsFeatures(r -> {}).enabledFeatures())
          .containsExactly(FeatureType.ROOT_CREDENTIALS_MANAGEMENT, FeatureType.ROOT_SESSIONS);
      assertThat(second.iam(session).getAccountSummary().summaryMap())
          .containsEntry(SummaryKeyType.ACCOUNT_PASSWORD_PRESENT, 1)
          .containsEntry(SummaryKeyType.ACCOUNT_ACCESS_KEYS_PRESENT, 1);
      assertThat(second.server().iam().accounts().verifyRootPassword(member, "Kept-Passw0rd!")).isTrue();
    }
  }
}
