package dev.billinggate.junit5;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.services.iam.model.FeatureType;
import software.amazon.awssdk.services.organizations.model.IAMUserAccessToBilling;

/** Centralized root access and the ways into a member account, as the seed stories set them up. */
@BillingGateTest
class RootAccessFixtureTest {

  @Test
  void theManagementAccountsAdminReachesMembersAndTheirRootUsers(BillingGateHandle gate) {
    gate.organization().create();
    String member = gate.organization().createAccount("Workload", IAMUserAccessToBilling.ALLOW);
    gate.organization().enableCentralizedRootAccess();
    assertThat(gate.iam().listOrganizationsFeatures(r -> { }).enabledFeatures())
        .containsExactly(FeatureType.ROOT_CREDENTIALS_MANAGEMENT, FeatureType.ROOT_SESSIONS);

    AwsCredentials admin = gate.organization().assumeOrganizationAccountAccessRole(member);
    assertThat(gate.sts(admin).getCallerIdentity().arn())
        .startsWith("arn:aws:sts::" + member + ":assumed-role/OrganizationAccountAccessRole/");
    gate.organization().memberAdmin(member).createUser(r -> r.userName("ops"));

    AwsCredentials root = gate.organization().assumeRoot(BillingGateHandle.ADMIN, member,
        OrganizationFixture.AUDIT_ROOT_USER_CREDENTIALS);
    assertThat(gate.sts(root).getCallerIdentity().arn()).isEqualTo("arn:aws:iam::" + member + ":root");
  }
}
