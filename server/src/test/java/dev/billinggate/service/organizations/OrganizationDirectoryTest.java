package dev.billinggate.service.organizations;

import static dev.billinggate.service.organizations.OrgFixture.MGMT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.billinggate.policy.AuthorizationRequest;
import dev.billinggate.policy.Decision;
import dev.billinggate.policy.Policy;
import dev.billinggate.policy.PolicyKind;
import dev.billinggate.policy.PolicySet;
import dev.billinggate.policy.Principal;
import dev.billinggate.policy.PrincipalKind;
import dev.billinggate.policy.PolicyType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.organizations.model.*;

class OrganizationDirectoryTest {
  private final OrgFixture f = new OrgFixture();
  private String orgId;
  private String root;

  @BeforeEach
  void organization() {
    orgId = f.createOrganization().organization().id();
    root = f.rootId();
  }

  private String scp(String name) {
    CreatePolicyResponse r = f.mgmt(CreatePolicyRequest.builder().name(name).description("")
        .type(software.amazon.awssdk.services.organizations.model.PolicyType.SERVICE_CONTROL_POLICY)
        .content(PolicyOperationsTest.DENY_LEAVE).build());
    return r.policy().policySummary().id();
  }

  private static List<List<String>> ids(List<List<Policy>> levels) {
    return levels.stream().map(l -> l.stream().map(Policy::id).map(id -> id.substring(id.lastIndexOf('/') + 1)).toList())
        .toList();
  }

  @Test
  void membershipGivesPathAndPrincipalOrgPath() {
    String a = f.createOu(root, "A");
    String b = f.createOu(a, "B");
    String acct = f.createAccount("x");
    f.mgmt(MoveAccountRequest.builder().accountId(acct).sourceParentId(root).destinationParentId(b).build());

    OrgMembership m = f.directory.membership(acct).orElseThrow();
    assertThat(m.organizationId()).isEqualTo(orgId);
    assertThat(m.managementAccountId()).isEqualTo(MGMT);
    assertThat(m.isManagementAccount()).isFalse();
    assertThat(m.path()).containsExactly(root, a, b);
    assertThat(m.principalOrgPath()).isEqualTo(orgId + "/" + root + "/" + a + "/" + b + "/");
    assertThat(m.allFeatures()).isTrue();
    assertThat(f.directory.membership(MGMT).orElseThrow().isManagementAccount()).isTrue();
    assertThat(f.directory.membership("999999999999")).isEmpty();
  }

  @Test
  void policiesByLevelGoFromRootToAccount() {
    String ou = f.createOu(root, "A");
    String acct = f.createAccount("x");
    f.mgmt(MoveAccountRequest.builder().accountId(acct).sourceParentId(root).destinationParentId(ou).build());
    assertThat(f.directory.policiesByLevel(acct, PolicyType.SERVICE_CONTROL)).isEmpty();

    f.mgmt(EnablePolicyTypeRequest.builder().rootId(root)
        .policyType(software.amazon.awssdk.services.organizations.model.PolicyType.SERVICE_CONTROL_POLICY).build());
    String deny = scp("deny");
    f.mgmt(AttachPolicyRequest.builder().policyId(deny).targetId(ou).build());

    List<List<Policy>> levels = f.directory.policiesByLevel(acct, PolicyType.SERVICE_CONTROL);
    assertThat(ids(levels)).containsExactly(
        List.of("p-FullAWSAccess"), List.of("p-FullAWSAccess", deny), List.of("p-FullAWSAccess"));
    assertThat(levels.get(0).get(0).id()).isEqualTo("arn:aws:organizations::aws:policy/service_control_policy/p-FullAWSAccess");
    assertThat(f.directory.policiesByLevel(acct, PolicyType.RESOURCE_CONTROL)).isEmpty();
    assertThat(f.directory.policiesByLevel(MGMT, PolicyType.SERVICE_CONTROL)).isEmpty();
  }

  @Test
  void answersAreCachedUntilTheNextWrite() {
    f.mgmt(EnablePolicyTypeRequest.builder().rootId(root)
        .policyType(software.amazon.awssdk.services.organizations.model.PolicyType.SERVICE_CONTROL_POLICY).build());
    String acct = f.createAccount("x");
    List<List<Policy>> first = f.directory.policiesByLevel(acct, PolicyType.SERVICE_CONTROL);

    assertThat(f.directory.policiesByLevel(acct, PolicyType.SERVICE_CONTROL)).isSameAs(first);
    String deny = scp("deny");
    f.mgmt(AttachPolicyRequest.builder().policyId(deny).targetId(acct).build());

    List<List<Policy>> after = f.directory.policiesByLevel(acct, PolicyType.SERVICE_CONTROL);
    assertThat(ids(after).get(1)).containsExactlyInAnyOrder("p-FullAWSAccess", deny);
    // The unchanged FullAWSAccess is not compiled again after the write.
    assertThat(after.get(0).get(0)).isSameAs(first.get(0).get(0));
  }

  @Test
  void membershipEndsWhenTheAccountLeaves() {
    String acct = f.createAccount("x");
    assertThat(f.directory.membership(acct)).isPresent();
    f.call(acct, LeaveOrganizationRequest.builder().build());
    assertThat(f.directory.membership(acct)).isEmpty();
  }

  @Test
  void serviceAccessAndDelegatedAdministrators() {
    String acct = f.createAccount("x");
    assertThat(f.directory.isServiceAccessEnabled(acct, "iam.amazonaws.com")).isFalse();
    f.mgmt(EnableAwsServiceAccessRequest.builder().servicePrincipal("iam.amazonaws.com").build());
    f.mgmt(RegisterDelegatedAdministratorRequest.builder().accountId(acct).servicePrincipal("iam.amazonaws.com").build());

    assertThat(f.directory.isServiceAccessEnabled(acct, "iam.amazonaws.com")).isTrue();
    assertThat(f.directory.isServiceAccessEnabled(MGMT, "sso.amazonaws.com")).isFalse();
    assertThat(f.directory.isDelegatedAdministrator(acct, "iam.amazonaws.com")).isTrue();
    assertThat(f.directory.isDelegatedAdministrator(acct, "sso.amazonaws.com")).isFalse();
    assertThat(f.directory.allFeatures(acct)).isTrue();
  }

  @Test
  void compiledLevelsDecideWithThePolicyEngine() {
    f.mgmt(EnablePolicyTypeRequest.builder().rootId(root)
        .policyType(software.amazon.awssdk.services.organizations.model.PolicyType.SERVICE_CONTROL_POLICY).build());
    f.mgmt(EnablePolicyTypeRequest.builder().rootId(root)
        .policyType(software.amazon.awssdk.services.organizations.model.PolicyType.RESOURCE_CONTROL_POLICY).build());
    String acct = f.createAccount("x");
    f.mgmt(AttachPolicyRequest.builder().policyId(scp("deny-leave")).targetId(acct).build());
    Policy admin = f.engine.compile("admin",
        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}",
        PolicyKind.MANAGED);
    PolicySet policies = new PolicySet(List.of(admin), null, List.of(),
        f.directory.policiesByLevel(acct, PolicyType.SERVICE_CONTROL),
        f.directory.policiesByLevel(acct, PolicyType.RESOURCE_CONTROL), null, false);
    Principal alice = new Principal(PrincipalKind.IAM_USER, "arn:aws:iam::" + acct + ":user/alice", acct, null, false);

    assertThat(f.directory.policiesByLevel(acct, PolicyType.RESOURCE_CONTROL)).hasSize(2);
    assertThat(f.engine.decide(new AuthorizationRequest(alice, "organizations:LeaveOrganization", "*", acct,
        Map.of(), policies))).isEqualTo(Decision.EXPLICIT_DENY);
    assertThat(f.engine.decide(new AuthorizationRequest(alice, "organizations:DescribeOrganization", "*", acct,
        Map.of(), policies))).isEqualTo(Decision.ALLOW);
  }
}
