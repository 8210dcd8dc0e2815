package dev.billinggate.it;

import static dev.billinggate.junit5.BillingGateHandle.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.billinggate.junit5.BillingGateExtension;
import dev.billinggate.junit5.BillingGateHandle;
import dev.billinggate.junit5.OrganizationFixture;
import dev.billinggate.service.organizations.OrganizationsSettings;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.organizations.model.IAMUserAccessToBilling;
import software.amazon.awssdk.services.organizations.model.OrganizationFeatureSet;
import software.amazon.awssdk.services.organizations.model.PolicyType;

/** RCPs govern only the services AWS lists for them: STS is one, IAM is not. */
class ResourceControlPolicyIntegrationTest {
  @RegisterExtension
  static final BillingGateExtension gate = BillingGateExtension.configured(config -> config.withOrganizations(
      OrganizationsSettings.defaults().withDelays(Duration.ZERO, Duration.ZERO)));

  @Test
  void anRcpDenyingIamAndStsBlocksOnlySts(BillingGateHandle emulator) {
    OrganizationFixture org = emulator.organization();
    emulator.organizations().createOrganization(r -> r.featureSet(OrganizationFeatureSet.ALL));
    String member = org.createAccount("Member", IAMUserAccessToBilling.ALLOW);
    IamClient admin = org.memberAdmin(member);
    String rootId = emulator.organizations().listRoots().roots().get(0).id();
    emulator.organizations().enablePolicyType(r -> r.rootId(rootId).policyType(PolicyType.RESOURCE_CONTROL_POLICY));
    String rcp = emulator.organizations().createPolicy(r -> r.name("deny-iam-sts").description("test")
        .type(PolicyType.RESOURCE_CONTROL_POLICY).content("""
            {"Version":"2012-10-17","Statement":[{"Sid":"NoIamNoSts","Effect":"Deny","Principal":"*",
             "Action":["iam:*","sts:AssumeRole"],"Resource":"*"}]}"""))
        .policy().policySummary().id();
    emulator.organizations().attachPolicy(r -> r.policyId(rcp).targetId(member));

    assertThat(admin.listUsers().users()).isEmpty();
    var denied = OrganizationRootAccess.failure(() -> org.memberAdmin(member));
    assertThat(denied.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
    assertThat(denied.getMessage()).contains("sts:AssumeRole").contains("resource control policy");
  }
}
