package dev.billinggate.service.organizations;

import static dev.billinggate.service.organizations.OrgFixture.MGMT;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.organizations.model.*;

class PolicyOperationsTest {
  static final String DENY_LEAVE =
      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Action\":\"organizations:LeaveOrganization\","
          + "\"Resource\":\"*\"}]}";

  private final OrgFixture f = new OrgFixture();
  private String root;
  private String orgId;

  @BeforeEach
  void organization() {
    orgId = f.createOrganization().organization().id();
    root = f.rootId();
  }

  private void enable(PolicyType type) {
    f.mgmt(EnablePolicyTypeRequest.builder().rootId(root).policyType(type).build());
  }

  private String createScp(String name) {
    CreatePolicyResponse r = f.mgmt(CreatePolicyRequest.builder().name(name).description("d")
        .type(PolicyType.SERVICE_CONTROL_POLICY).content(DENY_LEAVE).build());
    return r.policy().policySummary().id();
  }

  private java.util.List<String> policiesOn(String target, PolicyType type) {
    ListPoliciesForTargetResponse r = f.mgmt(ListPoliciesForTargetRequest.builder().targetId(target).filter(type).build());
    return r.policies().stream().map(PolicySummary::id).toList();
  }

  @Test
  void enablingScpsAttachesFullAwsAccessEverywhere() {
    String ou = f.createOu(root, "A");
    String acct = f.createAccount("a");

    EnablePolicyTypeResponse r = f.mgmt(
        EnablePolicyTypeRequest.builder().rootId(root).policyType(PolicyType.SERVICE_CONTROL_POLICY).build());

    assertThat(r.root().policyTypes()).containsExactly(PolicyTypeSummary.builder()
        .type(PolicyType.SERVICE_CONTROL_POLICY).status(PolicyTypeStatus.ENABLED).build());
    for (String target : new String[] {root, ou, acct, MGMT}) {
      assertThat(policiesOn(target, PolicyType.SERVICE_CONTROL_POLICY)).containsExactly("p-FullAWSAccess");
    }
    // Entities created afterwards get it too.
    assertThat(policiesOn(f.createOu(ou, "B"), PolicyType.SERVICE_CONTROL_POLICY)).containsExactly("p-FullAWSAccess");
    f.fails(MGMT, EnablePolicyTypeRequest.builder().rootId(root).policyType(PolicyType.SERVICE_CONTROL_POLICY).build(),
        "PolicyTypeAlreadyEnabledException");
    f.fails(MGMT, EnablePolicyTypeRequest.builder().rootId("r-zzzz").policyType(PolicyType.TAG_POLICY).build(),
        "RootNotFoundException");
  }

  @Test
  void policiesCantBeAttachedBeforeTheirTypeIsEnabled() {
    String p = createScp("deny-leave");
    f.fails(MGMT, AttachPolicyRequest.builder().policyId(p).targetId(root).build(), "PolicyTypeNotEnabledException");
  }

  @Test
  void createdPolicyHasAwsIdArnAndContent() {
    String p = createScp("deny-leave");
    DescribePolicyResponse d = f.mgmt(DescribePolicyRequest.builder().policyId(p).build());

    assertThat(p).matches("p-[a-z0-9]{8}");
    assertThat(d.policy().policySummary().arn())
        .isEqualTo("arn:aws:organizations::" + MGMT + ":policy/" + orgId + "/service_control_policy/" + p);
    assertThat(d.policy().policySummary().awsManaged()).isFalse();
    assertThat(d.policy().content()).isEqualTo(DENY_LEAVE);
    f.fails(MGMT, CreatePolicyRequest.builder().name("deny-leave").description("d")
        .type(PolicyType.SERVICE_CONTROL_POLICY).content(DENY_LEAVE).build(), "DuplicatePolicyException");
  }

  @Test
  void documentsAreValidatedByThePolicyEngine() {
    f.fails(MGMT, CreatePolicyRequest.builder().name("bad").description("d").type(PolicyType.SERVICE_CONTROL_POLICY)
        .content("{not json").build(), "MalformedPolicyDocumentException");
    String huge = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"" + "x".repeat(11_000)
        + "\",\"Effect\":\"Deny\",\"Action\":\"*\",\"Resource\":\"*\"}]}";
    f.failsWithReason(MGMT, CreatePolicyRequest.builder().name("big").description("d")
        .type(PolicyType.SERVICE_CONTROL_POLICY).content(huge).build(),
        "ConstraintViolationException", "POLICY_CONTENT_LIMIT_EXCEEDED");
  }

  @Test
  void theScpSizeQuotaIsASetting() {
    String sevenK = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"" + "x".repeat(7_000)
        + "\",\"Effect\":\"Deny\",\"Action\":\"*\",\"Resource\":\"*\"}]}";
    CreatePolicyRequest request = CreatePolicyRequest.builder().name("seven-k").description("d")
        .type(PolicyType.SERVICE_CONTROL_POLICY).content(sevenK).build();
    OrgFixture current = new OrgFixture(OrganizationsSettings.defaults(), () -> 0.5);
    current.createOrganization();
    current.mgmt(request);

    OrgFixture older = new OrgFixture(OrganizationsSettings.defaults().withScpMaxBytes(5_120), () -> 0.5);
    older.createOrganization();
    older.failsWithReason(MGMT, request, "ConstraintViolationException", "POLICY_CONTENT_LIMIT_EXCEEDED");
  }

  @Test
  void awsManagedPoliciesAreImmutable() {
    f.failsWithReason(MGMT, UpdatePolicyRequest.builder().policyId("p-FullAWSAccess").name("x").build(),
        "InvalidInputException", "IMMUTABLE_POLICY");
    f.failsWithReason(MGMT, DeletePolicyRequest.builder().policyId("p-FullAWSAccess").build(),
        "InvalidInputException", "IMMUTABLE_POLICY");
  }

  @Test
  void theLastScpOfATargetCantBeDetached() {
    enable(PolicyType.SERVICE_CONTROL_POLICY);
    String p = createScp("deny-leave");

    f.failsWithReason(MGMT, DetachPolicyRequest.builder().policyId("p-FullAWSAccess").targetId(root).build(),
        "ConstraintViolationException", "MIN_POLICY_TYPE_ATTACHMENT_LIMIT_EXCEEDED");
    f.mgmt(AttachPolicyRequest.builder().policyId(p).targetId(root).build());
    f.fails(MGMT, AttachPolicyRequest.builder().policyId(p).targetId(root).build(),
        "DuplicatePolicyAttachmentException");
    f.mgmt(DetachPolicyRequest.builder().policyId("p-FullAWSAccess").targetId(root).build());

    assertThat(policiesOn(root, PolicyType.SERVICE_CONTROL_POLICY)).containsExactly(p);
    f.fails(MGMT, DetachPolicyRequest.builder().policyId("p-FullAWSAccess").targetId(root).build(),
        "PolicyNotAttachedException");
    f.fails(MGMT, DeletePolicyRequest.builder().policyId(p).build(), "PolicyInUseException");
  }

  @Test
  void atMostFiveScpsPerTarget() {
    enable(PolicyType.SERVICE_CONTROL_POLICY);
    for (int i = 0; i < 4; i++) {
      f.mgmt(AttachPolicyRequest.builder().policyId(createScp("p" + i)).targetId(root).build());
    }
    f.failsWithReason(MGMT, AttachPolicyRequest.builder().policyId(createScp("p5")).targetId(root).build(),
        "ConstraintViolationException", "MAX_POLICY_TYPE_ATTACHMENT_LIMIT_EXCEEDED");
  }

  @Test
  void rcpFullAwsAccessCantBeDetached() {
    enable(PolicyType.RESOURCE_CONTROL_POLICY);
    assertThat(policiesOn(root, PolicyType.RESOURCE_CONTROL_POLICY)).containsExactly("p-RCPFullAWSAccess");
    f.failsWithReason(MGMT, DetachPolicyRequest.builder().policyId("p-RCPFullAWSAccess").targetId(root).build(),
        "InvalidInputException", "NON_DETACHABLE_POLICY");
  }

  @Test
  void disablingATypeDetachesItsPolicies() {
    enable(PolicyType.SERVICE_CONTROL_POLICY);
    String p = createScp("deny-leave");
    f.mgmt(AttachPolicyRequest.builder().policyId(p).targetId(root).build());

    DisablePolicyTypeResponse r = f.mgmt(
        DisablePolicyTypeRequest.builder().rootId(root).policyType(PolicyType.SERVICE_CONTROL_POLICY).build());

    assertThat(r.root().policyTypes()).isEmpty();
    ListTargetsForPolicyResponse targets = f.mgmt(ListTargetsForPolicyRequest.builder().policyId(p).build());
    assertThat(targets.targets()).isEmpty();
    f.mgmt(DeletePolicyRequest.builder().policyId(p).build());
    f.fails(MGMT, DescribePolicyRequest.builder().policyId(p).build(), "PolicyNotFoundException");
    f.fails(MGMT, DisablePolicyTypeRequest.builder().rootId(root).policyType(PolicyType.SERVICE_CONTROL_POLICY).build(),
        "PolicyTypeNotEnabledException");
  }

  @Test
  void listTargetsForPolicyNamesEachTarget() {
    enable(PolicyType.SERVICE_CONTROL_POLICY);
    String ou = f.createOu(root, "Sandbox");
    ListTargetsForPolicyResponse r = f.mgmt(ListTargetsForPolicyRequest.builder().policyId("p-FullAWSAccess").build());

    assertThat(r.targets()).extracting(PolicyTargetSummary::targetId).containsExactlyInAnyOrder(root, ou, MGMT);
    assertThat(r.targets()).filteredOn(t -> t.targetId().equals(ou)).singleElement().satisfies(t -> {
      assertThat(t.name()).isEqualTo("Sandbox");
      assertThat(t.type()).isEqualTo(TargetType.ORGANIZATIONAL_UNIT);
      assertThat(t.arn()).isEqualTo("arn:aws:organizations::" + MGMT + ":ou/" + orgId + "/" + ou);
    });
  }

  @Test
  void updatePolicyChangesNameAndRevalidates() {
    String p = createScp("old");
    UpdatePolicyResponse r = f.mgmt(UpdatePolicyRequest.builder().policyId(p).name("new").build());
    assertThat(r.policy().policySummary().name()).isEqualTo("new");
    assertThat(r.policy().content()).isEqualTo(DENY_LEAVE);
    f.fails(MGMT, UpdatePolicyRequest.builder().policyId(p).content("[]").build(), "MalformedPolicyDocumentException");
  }

  @Test
  void unknownTargetsAndPolicyTypesAreRejected() {
    f.fails(MGMT, ListPoliciesForTargetRequest.builder().targetId("999999999999")
        .filter(PolicyType.SERVICE_CONTROL_POLICY).build(), "TargetNotFoundException");
    f.failsWithReason(MGMT, ListPoliciesRequest.builder().filter("NOPE").build(), "InvalidInputException",
        "INVALID_ENUM_POLICY_TYPE");
  }

  @Test
  void consolidatedBillingOrganizationsHaveNoPolicies() {
    OrgFixture cb = new OrgFixture();
    cb.mgmt(CreateOrganizationRequest.builder().featureSet(OrganizationFeatureSet.CONSOLIDATED_BILLING).build());
    cb.fails(MGMT, EnablePolicyTypeRequest.builder().rootId(cb.rootId()).policyType(PolicyType.SERVICE_CONTROL_POLICY)
        .build(), "PolicyTypeNotAvailableForOrganizationException");
  }

  @Test
  void effectivePoliciesMergeManagementPoliciesDownThePath() {
    String acct = f.createAccount("a");
    f.fails(acct, DescribeEffectivePolicyRequest.builder().policyType(EffectivePolicyType.TAG_POLICY).build(),
        "EffectivePolicyNotFoundException");
    enable(PolicyType.TAG_POLICY);
    CreatePolicyResponse atRoot = f.mgmt(CreatePolicyRequest.builder().name("cc").description("")
        .type(PolicyType.TAG_POLICY).content("{\"tags\":{\"costcenter\":{\"tag_key\":{\"@@assign\":\"CostCenter\"}}}}")
        .build());
    CreatePolicyResponse atAccount = f.mgmt(CreatePolicyRequest.builder().name("proj").description("")
        .type(PolicyType.TAG_POLICY).content("{\"tags\":{\"project\":{\"tag_key\":{\"@@assign\":\"Project\"}}}}")
        .build());
    f.mgmt(AttachPolicyRequest.builder().policyId(atRoot.policy().policySummary().id()).targetId(root).build());
    f.mgmt(AttachPolicyRequest.builder().policyId(atAccount.policy().policySummary().id()).targetId(acct).build());

    DescribeEffectivePolicyResponse r = f.call(acct,
        DescribeEffectivePolicyRequest.builder().policyType(EffectivePolicyType.TAG_POLICY).build());

    assertThat(r.effectivePolicy().targetId()).isEqualTo(acct);
    assertThat(r.effectivePolicy().policyContent()).contains("CostCenter").contains("Project");
    f.failsWithReason(MGMT, DescribeEffectivePolicyRequest.builder().policyType("SERVICE_CONTROL_POLICY").build(),
        "InvalidInputException", "INVALID_ENUM_POLICY_TYPE");
    f.fails(acct, DescribeEffectivePolicyRequest.builder().policyType(EffectivePolicyType.TAG_POLICY)
        .targetId(MGMT).build(), "AccessDeniedException");
  }
}
