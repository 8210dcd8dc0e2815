package dev.billinggate.service.organizations;

import static dev.billinggate.service.organizations.OrgFixture.MGMT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.billinggate.core.AwsException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.organizations.model.*;

class OrganizationOperationsTest {
  private final OrgFixture f = new OrgFixture();

  @Test
  void createOrganizationMakesTheCallerTheManagementAccount() {
    Organization org = f.createOrganization().organization();

    assertThat(org.id()).matches("o-[a-z0-9]{10}");
    assertThat(org.arn()).isEqualTo("arn:aws:organizations::" + MGMT + ":organization/" + org.id());
    assertThat(org.featureSet()).isEqualTo(OrganizationFeatureSet.ALL);
    assertThat(org.masterAccountId()).isEqualTo(MGMT);
    assertThat(org.masterAccountEmail()).isEqualTo("mgmt@example.com");
    assertThat(org.masterAccountArn()).isEqualTo("arn:aws:organizations::" + MGMT + ":account/" + org.id() + "/" + MGMT);

    DescribeAccountResponse me = f.mgmt(DescribeAccountRequest.builder().accountId(MGMT).build());
    assertThat(me.account().joinedMethod()).isEqualTo(AccountJoinedMethod.INVITED);
    assertThat(me.account().state()).isEqualTo(AccountState.ACTIVE);
  }

  @Test
  void featureSetDefaultsToAllAndConsolidatedBillingIsKept() {
    CreateOrganizationResponse r = f.mgmt(CreateOrganizationRequest.builder().build());
    assertThat(r.organization().featureSet()).isEqualTo(OrganizationFeatureSet.ALL);

    OrgFixture other = new OrgFixture();
    CreateOrganizationResponse cb = other.mgmt(
        CreateOrganizationRequest.builder().featureSet(OrganizationFeatureSet.CONSOLIDATED_BILLING).build());
    assertThat(cb.organization().featureSet()).isEqualTo(OrganizationFeatureSet.CONSOLIDATED_BILLING);
    assertThat(cb.organization().availablePolicyTypes()).isEmpty();
  }

  @Test
  void rootStartsWithoutEnabledPolicyTypesButFullAwsAccessExists() {
    f.createOrganization();

    ListRootsResponse roots = f.mgmt(ListRootsRequest.builder().build());
    assertThat(roots.roots()).singleElement().satisfies(root -> {
      assertThat(root.id()).matches("r-[a-z0-9]{4}");
      assertThat(root.name()).isEqualTo("Root");
      assertThat(root.policyTypes()).isEmpty();
    });
    ListPoliciesResponse scps = f.mgmt(ListPoliciesRequest.builder().filter(PolicyType.SERVICE_CONTROL_POLICY).build());
    assertThat(scps.policies()).singleElement().satisfies(p -> {
      assertThat(p.id()).isEqualTo("p-FullAWSAccess");
      assertThat(p.awsManaged()).isTrue();
      assertThat(p.arn()).isEqualTo("arn:aws:organizations::aws:policy/service_control_policy/p-FullAWSAccess");
    });
  }

  @Test
  void anAccountCanBelongToOneOrganizationOnly() {
    f.createOrganization();
    f.fails(MGMT, CreateOrganizationRequest.builder().build(), "AlreadyInOrganizationException");
  }

  @Test
  void membersMayDescribeTheOrganizationButNotListAccounts() {
    f.createOrganization();
    String member = f.createAccount("dev");

    DescribeOrganizationResponse d = f.call(member, DescribeOrganizationRequest.builder().build());
    assertThat(d.organization().masterAccountId()).isEqualTo(MGMT);
    f.fails(member, ListAccountsRequest.builder().build(), "AccessDeniedException")
        .hasMessage("You don't have permissions to access this resource.");
    f.fails(member, CreateOrganizationalUnitRequest.builder().parentId(f.rootId()).name("x").build(),
        "AccessDeniedException");
  }

  @Test
  void accountsOutsideAnOrganizationGetNotInUse() {
    f.fails("222222222222", DescribeOrganizationRequest.builder().build(), "AWSOrganizationsNotInUseException");
    f.fails("222222222222", ListAccountsRequest.builder().build(), "AWSOrganizationsNotInUseException");
  }

  @Test
  void deleteOrganizationRequiresNoMembers() {
    f.createOrganization();
    String member = f.createAccount("dev");

    f.fails(MGMT, DeleteOrganizationRequest.builder().build(), "OrganizationNotEmptyException");
    f.mgmt(RemoveAccountFromOrganizationRequest.builder().accountId(member).build());
    f.mgmt(DeleteOrganizationRequest.builder().build());

    f.fails(MGMT, DescribeOrganizationRequest.builder().build(), "AWSOrganizationsNotInUseException");
    assertThat(f.directory.membership(MGMT)).isEmpty();
    // The account may found a new organization afterwards.
    assertThat(f.createOrganization().organization().id()).isNotBlank();
  }

  @Test
  void onlyTheManagementAccountDeletesTheOrganization() {
    f.createOrganization();
    String member = f.createAccount("dev");
    assertThatThrownBy(() -> f.call(member, DeleteOrganizationRequest.builder().build()))
        .isInstanceOf(AwsException.class)
        .hasMessage("You don't have permissions to access this resource.");
  }
}
