package dev.billinggate.service.organizations;

import static dev.billinggate.service.organizations.OrgFixture.MGMT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.billinggate.service.AccessTarget;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.organizations.model.*;

class ServiceAccessOperationsTest {
  private static final String DELEGATION = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
      + "\"Principal\":{\"AWS\":\"arn:aws:iam::222222222222:root\"},\"Action\":\"organizations:List*\","
      + "\"Resource\":\"*\"}]}";

  private final OrgFixture f = new OrgFixture();
  private String member;

  @BeforeEach
  void organization() {
    f.createOrganization();
    member = f.createAccount("security");
  }

  @Test
  void trustedAccessIsListedAndRequiredForDelegatedAdministrators() {
    f.failsWithReason(MGMT, RegisterDelegatedAdministratorRequest.builder().accountId(member)
        .servicePrincipal("iam.amazonaws.com").build(), "ConstraintViolationException", "SERVICE_ACCESS_NOT_ENABLED");
    f.mgmt(EnableAwsServiceAccessRequest.builder().servicePrincipal("iam.amazonaws.com").build());
    f.mgmt(EnableAwsServiceAccessRequest.builder().servicePrincipal("sso.amazonaws.com").build());

    ListAwsServiceAccessForOrganizationResponse enabled =
        f.mgmt(ListAwsServiceAccessForOrganizationRequest.builder().build());
    assertThat(enabled.enabledServicePrincipals()).extracting(EnabledServicePrincipal::servicePrincipal)
        .containsExactly("iam.amazonaws.com", "sso.amazonaws.com");
    f.failsWithReason(MGMT, EnableAwsServiceAccessRequest.builder().servicePrincipal("not a principal").build(),
        "InvalidInputException", "UNRECOGNIZED_SERVICE_PRINCIPAL");

    f.mgmt(DisableAwsServiceAccessRequest.builder().servicePrincipal("sso.amazonaws.com").build());
    ListAwsServiceAccessForOrganizationResponse after = f.mgmt(ListAwsServiceAccessForOrganizationRequest.builder().build());
    assertThat(after.enabledServicePrincipals()).hasSize(1);
  }

  @Test
  void delegatedAdministratorsReadTheOrganization() {
    f.mgmt(EnableAwsServiceAccessRequest.builder().servicePrincipal("iam.amazonaws.com").build());
    f.fails(member, ListAccountsRequest.builder().build(), "AccessDeniedException");
    f.mgmt(RegisterDelegatedAdministratorRequest.builder().accountId(member).servicePrincipal("iam.amazonaws.com").build());

    ListAccountsResponse accounts = f.call(member, ListAccountsRequest.builder().build());
    assertThat(accounts.accounts()).hasSize(2);
    f.fails(member, CreateOrganizationalUnitRequest.builder().parentId(f.rootId()).name("x").build(),
        "AccessDeniedException");
    f.fails(MGMT, RegisterDelegatedAdministratorRequest.builder().accountId(member)
        .servicePrincipal("iam.amazonaws.com").build(), "AccountAlreadyRegisteredException");
    f.failsWithReason(MGMT, RegisterDelegatedAdministratorRequest.builder().accountId(MGMT)
        .servicePrincipal("iam.amazonaws.com").build(), "ConstraintViolationException",
        "CANNOT_REGISTER_MASTER_AS_DELEGATED_ADMINISTRATOR");

    ListDelegatedAdministratorsResponse admins = f.mgmt(ListDelegatedAdministratorsRequest.builder().build());
    assertThat(admins.delegatedAdministrators()).singleElement().satisfies(a -> {
      assertThat(a.id()).isEqualTo(member);
      assertThat(a.delegationEnabledDate()).isEqualTo(f.now);
    });
    ListDelegatedServicesForAccountResponse services =
        f.mgmt(ListDelegatedServicesForAccountRequest.builder().accountId(member).build());
    assertThat(services.delegatedServices()).extracting(DelegatedService::servicePrincipal)
        .containsExactly("iam.amazonaws.com");
    ListDelegatedAdministratorsResponse forSso = f.mgmt(
        ListDelegatedAdministratorsRequest.builder().servicePrincipal("sso.amazonaws.com").build());
    assertThat(forSso.delegatedAdministrators()).isEmpty();

    f.mgmt(DeregisterDelegatedAdministratorRequest.builder().accountId(member).servicePrincipal("iam.amazonaws.com")
        .build());
    f.fails(member, ListAccountsRequest.builder().build(), "AccessDeniedException");
    f.fails(MGMT, DeregisterDelegatedAdministratorRequest.builder().accountId(member)
        .servicePrincipal("iam.amazonaws.com").build(), "AccountNotRegisteredException");
  }

  @Test
  void resourcePolicyIsStoredAndHandedToTheAuthorizerForDelegableReads() {
    f.fails(MGMT, DescribeResourcePolicyRequest.builder().build(), "ResourcePolicyNotFoundException");
    PutResourcePolicyResponse put = f.mgmt(PutResourcePolicyRequest.builder().content(DELEGATION).build());
    String orgId = f.directory.membership(MGMT).orElseThrow().organizationId();
    assertThat(put.resourcePolicy().resourcePolicySummary().id()).matches("rp-[a-z0-9]{8}");
    assertThat(put.resourcePolicy().resourcePolicySummary().arn()).isEqualTo(
        "arn:aws:organizations::" + MGMT + ":resourcepolicy/" + orgId + "/" + put.resourcePolicy().resourcePolicySummary().id());

    AccessTarget read = f.access(member, ListAccountsRequest.builder().build());
    assertThat(read.resourcePolicy()).isEqualTo(DELEGATION);
    assertThat(read.resourceAccount()).isEqualTo(MGMT);
    AccessTarget write = f.access(member, CreateOrganizationalUnitRequest.builder().parentId(f.rootId()).name("x").build());
    assertThat(write.resourcePolicy()).isNull();
    assertThat(f.access(MGMT, ListAccountsRequest.builder().build()).resourcePolicy()).isNull();

    // Reaching the operation means the gateway's cross-account evaluation allowed it.
    ListAccountsResponse accounts = f.call(member, ListAccountsRequest.builder().build());
    assertThat(accounts.accounts()).hasSize(2);

    f.mgmt(DeleteResourcePolicyRequest.builder().build());
    f.fails(member, ListAccountsRequest.builder().build(), "AccessDeniedException");
    f.failsWithReason(MGMT, PutResourcePolicyRequest.builder().content("nope").build(), "InvalidInputException",
        "INVALID_RESOURCE_POLICY_JSON");
  }

  @Test
  void accessRulesNameResourcesAndConditionKeys() {
    String orgId = f.directory.membership(MGMT).orElseThrow().organizationId();
    AccessTarget describe = f.access(MGMT, DescribeAccountRequest.builder().accountId(member).build());
    assertThat(describe.action()).isEqualTo("organizations:DescribeAccount");
    assertThat(describe.resourceArn()).isEqualTo("arn:aws:organizations::" + MGMT + ":account/" + orgId + "/" + member);

    AccessTarget enable = f.access(MGMT, EnableAwsServiceAccessRequest.builder().servicePrincipal("iam.amazonaws.com")
        .build());
    assertThat(enable.action()).isEqualTo("organizations:EnableAWSServiceAccess");
    assertThat(enable.contextKeys()).containsEntry("organizations:ServicePrincipal", List.of("iam.amazonaws.com"));

    AccessTarget create = f.access(MGMT, CreatePolicyRequest.builder().name("n").content("{}")
        .type(PolicyType.SERVICE_CONTROL_POLICY).tags(Tag.builder().key("team").value("red").build()).build());
    assertThat(create.contextKeys())
        .containsEntry("organizations:PolicyType", List.of("SERVICE_CONTROL_POLICY"))
        .containsEntry("aws:RequestTag/team", List.of("red"))
        .containsEntry("aws:TagKeys", List.of("team"));

    f.mgmt(TagResourceRequest.builder().resourceId(member).tags(Tag.builder().key("env").value("prod").build()).build());
    AccessTarget tagged = f.access(MGMT, CloseAccountRequest.builder().accountId(member).build());
    assertThat(tagged.resourceTags()).containsEntry("env", "prod");
    assertThat(f.access(MGMT, DescribePolicyRequest.builder().policyId("p-FullAWSAccess").build()).resourceArn())
        .isEqualTo("arn:aws:organizations::aws:policy/service_control_policy/p-FullAWSAccess");
  }

  @Test
  void policyManagementIsDelegatedOnlyThroughTheResourcePolicy() {
    f.mgmt(EnableAwsServiceAccessRequest.builder().servicePrincipal("iam.amazonaws.com").build());
    f.mgmt(RegisterDelegatedAdministratorRequest.builder().accountId(member).servicePrincipal("iam.amazonaws.com").build());
    CreatePolicyRequest create = CreatePolicyRequest.builder().name("deny-leave").description("")
        .type(PolicyType.SERVICE_CONTROL_POLICY).content(PolicyOperationsTest.DENY_LEAVE).build();
    f.fails(member, create, "AccessDeniedException");

    f.mgmt(PutResourcePolicyRequest.builder().content(DELEGATION).build());
    assertThat(f.access(member, create).resourcePolicy()).isEqualTo(DELEGATION);
    assertThat(f.access(member, ListAccountsRequest.builder().build()).resourcePolicy()).isNull();
    CreatePolicyResponse created = f.call(member, create);
    f.call(member, EnablePolicyTypeRequest.builder().rootId(f.rootId()).policyType(PolicyType.SERVICE_CONTROL_POLICY)
        .build());
    f.call(member, AttachPolicyRequest.builder().policyId(created.policy().policySummary().id()).targetId(member)
        .build());

    ListPoliciesForTargetResponse attached = f.mgmt(ListPoliciesForTargetRequest.builder().targetId(member)
        .filter(PolicyType.SERVICE_CONTROL_POLICY).build());
    assertThat(attached.policies()).hasSize(2);
    f.fails(member, CreateOrganizationalUnitRequest.builder().parentId(f.rootId()).name("x").build(),
        "AccessDeniedException");
  }
}
