package dev.billinggate.service.iam;

import static dev.billinggate.service.iam.IamFixture.ADMIN_POLICY;
import static dev.billinggate.service.iam.IamFixture.ALLOW_ALL;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.model.AttachUserPolicyRequest;
import software.amazon.awssdk.services.iam.model.CreatePolicyRequest;
import software.amazon.awssdk.services.iam.model.CreatePolicyVersionRequest;
import software.amazon.awssdk.services.iam.model.DeletePolicyRequest;
import software.amazon.awssdk.services.iam.model.DeletePolicyVersionRequest;
import software.amazon.awssdk.services.iam.model.DeleteUserRequest;
import software.amazon.awssdk.services.iam.model.GetContextKeysForPrincipalPolicyRequest;
import software.amazon.awssdk.services.iam.model.GetContextKeysForPrincipalPolicyResponse;
import software.amazon.awssdk.services.iam.model.GetPolicyRequest;
import software.amazon.awssdk.services.iam.model.GetPolicyVersionRequest;
import software.amazon.awssdk.services.iam.model.GetRolePolicyRequest;
import software.amazon.awssdk.services.iam.model.GetRolePolicyResponse;
import software.amazon.awssdk.services.iam.model.GetRoleRequest;
import software.amazon.awssdk.services.iam.model.ListAttachedUserPoliciesRequest;
import software.amazon.awssdk.services.iam.model.ListAttachedUserPoliciesResponse;
import software.amazon.awssdk.services.iam.model.ListEntitiesForPolicyRequest;
import software.amazon.awssdk.services.iam.model.ListPoliciesRequest;
import software.amazon.awssdk.services.iam.model.ListPolicyVersionsRequest;
import software.amazon.awssdk.services.iam.model.Policy;
import software.amazon.awssdk.services.iam.model.PolicyScopeType;
import software.amazon.awssdk.services.iam.model.PolicyVersion;
import software.amazon.awssdk.services.iam.model.SetDefaultPolicyVersionRequest;

class PolicyOperationsTest {
  private static final String ARN = "arn:aws:iam::123456789012:policy/ops/Billing";

  private final IamFixture f = new IamFixture();

  private Policy createPolicy() {
    return f.iam.managedPolicies().createPolicy(CreatePolicyRequest.builder().policyName("Billing").path("/ops/")
        .policyDocument(ALLOW_ALL).build(), f.root()).policy();
  }

  @Test
  void createsCustomerPolicies() {
    Policy policy = createPolicy();
    assertThat(policy.arn()).isEqualTo(ARN);
    assertThat(policy.policyId()).startsWith("ANPA");
    assertThat(policy.defaultVersionId()).isEqualTo("v1");
    assertThat(policy.attachmentCount()).isZero();
    Expect.error(this::createPolicy, "EntityAlreadyExists",
        "A policy called Billing already exists. Duplicate names are not allowed.");
  }

  @Test
  void malformedDocumentsAreRefusedWithTheEngineMessage() {
    Expect.error(() -> f.iam.managedPolicies().createPolicy(CreatePolicyRequest.builder().policyName("Bad")
        .policyDocument("{not json").build(), f.root()), "MalformedPolicyDocument", "Syntax errors in policy.");
  }

  @Test
  void oversizedInlinePoliciesAreLimitExceeded() {
    f.createUser("alice");
    String big = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\","
        + "\"Resource\":\"arn:aws:s3:::" + "x".repeat(2100) + "\"}]}";
    Expect.error(() -> f.iam.inlinePolicies().put(f.root(), IamSchema.EntityKind.USER, "alice", "p", big),
        "LimitExceeded", "Maximum policy size of 2048 bytes exceeded for user alice");
  }

  @Test
  void inlineQuotaIsTheSumOfAnEntitysInlinePolicies() {
    f.createUser("alice");
    String half = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\","
        + "\"Resource\":\"arn:aws:s3:::" + "x".repeat(1000) + "\"}]}";
    f.iam.inlinePolicies().put(f.root(), IamSchema.EntityKind.USER, "alice", "one", half);
    f.iam.inlinePolicies().put(f.root(), IamSchema.EntityKind.USER, "alice", "one", half);
    Expect.error(() -> f.iam.inlinePolicies().put(f.root(), IamSchema.EntityKind.USER, "alice", "two", half),
        "LimitExceeded", "Maximum policy size of 2048 bytes exceeded for user alice");
  }

  @Test
  void contextKeysAreCollectedFromTheDocuments() {
    f.createUser("alice");
    f.iam.inlinePolicies().put(f.root(), IamSchema.EntityKind.USER, "alice", "mfa", """
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*",\
        "Condition":{"Bool":{"aws:MultiFactorAuthPresent":"true"},"StringEquals":{"aws:RequestedRegion":"eu-west-1"}}}]}""");
    GetContextKeysForPrincipalPolicyResponse keys = f.call(GetContextKeysForPrincipalPolicyRequest.builder()
        .policySourceArn("arn:aws:iam::123456789012:user/alice").policyInputList("""
            {"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"*","Resource":"*",\
            "Condition":{"IpAddress":{"aws:SourceIp":"10.0.0.0/8"},"Bool":{"aws:multifactorauthpresent":"false"}}}]}""")
        .build(), f.root());
    assertThat(keys.contextKeyNames())
        .containsExactlyInAnyOrder("aws:MultiFactorAuthPresent", "aws:RequestedRegion", "aws:SourceIp");
  }

  @Test
  void versionsFollowAwsRules() {
    createPolicy();
    for (int i = 2; i <= 5; i++) {
      f.iam.managedPolicies().createPolicyVersion(CreatePolicyVersionRequest.builder().policyArn(ARN)
          .policyDocument(ALLOW_ALL).setAsDefault(i == 3).build(), f.root());
    }
    Expect.error(() -> f.iam.managedPolicies().createPolicyVersion(CreatePolicyVersionRequest.builder()
            .policyArn(ARN).policyDocument(ALLOW_ALL).build(), f.root()),
        "LimitExceeded", "A managed policy can have up to 5 versions. Before you create a new version, you must "
            + "delete an existing version.");
    Expect.error(() -> f.iam.managedPolicies().deletePolicyVersion(DeletePolicyVersionRequest.builder()
        .policyArn(ARN).versionId("v3").build(), f.root()), "DeleteConflict",
        "Cannot delete the default version of a policy.");

    f.iam.managedPolicies().setDefaultPolicyVersion(SetDefaultPolicyVersionRequest.builder().policyArn(ARN)
        .versionId("v5").build(), f.root());
    f.iam.managedPolicies().deletePolicyVersion(DeletePolicyVersionRequest.builder().policyArn(ARN)
        .versionId("v3").build(), f.root());

    assertThat(f.iam.managedPolicies().listPolicyVersions(ListPolicyVersionsRequest.builder().policyArn(ARN).build(),
        f.root()).versions()).extracting(PolicyVersion::versionId).containsExactly("v5", "v4", "v2", "v1");
    assertThat(f.iam.managedPolicies().getPolicy(GetPolicyRequest.builder().policyArn(ARN).build(), f.root())
        .policy().defaultVersionId()).isEqualTo("v5");
    Expect.error(() -> f.iam.managedPolicies().deletePolicy(DeletePolicyRequest.builder().policyArn(ARN).build(),
        f.root()), "DeleteConflict", null);
  }

  @Test
  void policyDocumentsComeBackUrlEncoded() {
    createPolicy();
    String document = f.iam.managedPolicies().getPolicyVersion(GetPolicyVersionRequest.builder().policyArn(ARN)
        .versionId("v1").build(), f.root()).policyVersion().document();
    assertThat(document).startsWith("%7B%22Version%22");
    assertThat(URLDecoder.decode(document, StandardCharsets.UTF_8)).isEqualTo(ALLOW_ALL);
  }

  @Test
  void attachmentsCountAndListBothWays() {
    createPolicy();
    f.createUser("alice");
    f.createRole("ops", IamFixture.TRUST_ACCOUNT);
    f.iam.attachments().attach(f.root(), IamSchema.EntityKind.USER, "alice", ARN);
    f.iam.attachments().attach(f.root(), IamSchema.EntityKind.USER, "alice", ADMIN_POLICY);
    f.iam.attachments().attach(f.root(), IamSchema.EntityKind.ROLE, "ops", ARN);

    assertThat(f.iam.managedPolicies().getPolicy(GetPolicyRequest.builder().policyArn(ARN).build(), f.root())
        .policy().attachmentCount()).isEqualTo(2);
    var entities = f.iam.attachments().listEntitiesForPolicy(
        ListEntitiesForPolicyRequest.builder().policyArn(ARN).build(), f.root());
    assertThat(entities.policyUsers()).extracting(u -> u.userName()).containsExactly("alice");
    assertThat(entities.policyRoles()).extracting(r -> r.roleName()).containsExactly("ops");
    assertThat(f.<ListAttachedUserPoliciesResponse>call(
            ListAttachedUserPoliciesRequest.builder().userName("alice").build(), f.root()).attachedPolicies())
        .extracting(p -> p.policyName()).containsExactly("AdministratorAccess", "Billing");

    Expect.error(() -> f.iam.managedPolicies().deletePolicy(DeletePolicyRequest.builder().policyArn(ARN).build(),
        f.root()), "DeleteConflict", "Cannot delete a policy attached to entities.");
    Expect.error(() -> f.iam.users().deleteUser(DeleteUserRequest.builder().userName("alice").build(), f.root()),
        "DeleteConflict", "Cannot delete entity, must detach all policies first.");
    f.iam.attachments().detach(f.root(), IamSchema.EntityKind.USER, "alice", ARN);
    Expect.error(() -> f.iam.attachments().detach(f.root(), IamSchema.EntityKind.USER, "alice", ARN),
        "NoSuchEntity", "Policy " + ARN + " was not found.");
  }

  @Test
  void entitiesForPolicyIncludeBoundaryUsesWhenAsked() {
    createPolicy();
    f.iam.users().createUser(software.amazon.awssdk.services.iam.model.CreateUserRequest.builder().userName("bob")
        .path("/eng/").permissionsBoundary(ARN).build(), f.root());
    f.createRole("ops", IamFixture.TRUST_ACCOUNT);
    f.iam.attachments().attach(f.root(), IamSchema.EntityKind.ROLE, "ops", ARN);

    var all = f.iam.attachments().listEntitiesForPolicy(ListEntitiesForPolicyRequest.builder().policyArn(ARN).build(),
        f.root());
    var boundaries = f.iam.attachments().listEntitiesForPolicy(ListEntitiesForPolicyRequest.builder().policyArn(ARN)
        .policyUsageFilter(software.amazon.awssdk.services.iam.model.PolicyUsageType.PERMISSIONS_BOUNDARY).build(),
        f.root());
    var underEng = f.iam.attachments().listEntitiesForPolicy(ListEntitiesForPolicyRequest.builder().policyArn(ARN)
        .pathPrefix("/eng/").build(), f.root());

    assertThat(all.policyUsers()).extracting(u -> u.userName()).containsExactly("bob");
    assertThat(all.policyRoles()).extracting(r -> r.roleName()).containsExactly("ops");
    assertThat(boundaries.policyRoles()).isEmpty();
    assertThat(boundaries.policyUsers()).hasSize(1);
    assertThat(underEng.policyRoles()).isEmpty();
    assertThat(f.iam.managedPolicies().getPolicy(GetPolicyRequest.builder().policyArn(ARN).build(), f.root())
        .policy().permissionsBoundaryUsageCount()).isEqualTo(1);
  }

  @Test
  void unknownPoliciesAreNotAttachable() {
    f.createUser("alice");
    Expect.error(() -> f.iam.attachments().attach(f.root(), IamSchema.EntityKind.USER, "alice",
        "arn:aws:iam::aws:policy/NoSuchPolicy"), "NoSuchEntity",
        "Policy arn:aws:iam::aws:policy/NoSuchPolicy does not exist or is not attachable.");
  }

  @Test
  void attachmentQuotaIsTenPerEntity() {
    f.createRole("ops", IamFixture.TRUST_ACCOUNT);
    for (int i = 0; i < 10; i++) {
      f.iam.managedPolicies().createPolicy(CreatePolicyRequest.builder().policyName("p" + i)
          .policyDocument(ALLOW_ALL).build(), f.root());
      f.iam.attachments().attach(f.root(), IamSchema.EntityKind.ROLE, "ops",
          "arn:aws:iam::123456789012:policy/p" + i);
    }
    Expect.error(() -> f.iam.attachments().attach(f.root(), IamSchema.EntityKind.ROLE, "ops", ADMIN_POLICY),
        "LimitExceeded", "Cannot exceed quota for PoliciesPerRole: 10");
  }

  @Test
  void listPoliciesByScope() {
    createPolicy();
    f.createUser("alice");
    f.iam.attachments().attach(f.root(), IamSchema.EntityKind.USER, "alice", ADMIN_POLICY);

    assertThat(list(PolicyScopeType.LOCAL, false)).extracting(Policy::policyName).containsExactly("Billing");
    assertThat(list(PolicyScopeType.AWS, false)).extracting(Policy::arn)
        .contains(ADMIN_POLICY, "arn:aws:iam::aws:policy/root-task/IAMAuditRootUserCredentials").doesNotContain(ARN);
    assertThat(list(PolicyScopeType.ALL, true)).extracting(Policy::policyName).containsExactly("AdministratorAccess");
    assertThat(list(PolicyScopeType.AWS, true).get(0).attachmentCount()).isEqualTo(1);
  }

  private java.util.List<Policy> list(PolicyScopeType scope, boolean onlyAttached) {
    return f.iam.managedPolicies().listPolicies(ListPoliciesRequest.builder().scope(scope)
        .onlyAttached(onlyAttached).maxItems(1000).build(), f.root()).policies();
  }

  @Test
  void inlinePoliciesAndTrustPoliciesAreReturnedEncoded() {
    f.createRole("ops", IamFixture.TRUST_ACCOUNT);
    f.iam.inlinePolicies().put(f.root(), IamSchema.EntityKind.ROLE, "ops", "inline", ALLOW_ALL);

    GetRolePolicyResponse response =
        f.call(GetRolePolicyRequest.builder().roleName("ops").policyName("inline").build(), f.root());
    assertThat(URLDecoder.decode(response.policyDocument(), StandardCharsets.UTF_8)).isEqualTo(ALLOW_ALL);
    assertThat(f.target(GetRolePolicyRequest.builder().roleName("ops").build(), f.root()).resourceArn())
        .isEqualTo("arn:aws:iam::123456789012:role/ops");

    String trust = f.iam.roles().getRole(GetRoleRequest.builder().roleName("ops").build(), f.root()).role()
        .assumeRolePolicyDocument();
    assertThat(URLDecoder.decode(trust, StandardCharsets.UTF_8)).isEqualTo(IamFixture.TRUST_ACCOUNT);
  }

  @Test
  void trustPoliciesMustNameExistingPrincipals() {
    String trustNobody = """
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow",\
        "Principal":{"AWS":["arn:aws:iam::123456789012:root","arn:aws:iam::123456789012:user/nobody"]},\
        "Action":"sts:AssumeRole"}]}""";
    Expect.error(() -> f.createRole("ops", trustNobody), "MalformedPolicyDocument",
        "Invalid principal in policy: \"AWS\":\"arn:aws:iam::123456789012:user/nobody\"");
    f.createUser("nobody");
    assertThat(f.createRole("ops", trustNobody).roleName()).isEqualTo("ops");
  }

  @Test
  void attachRuleCarriesPolicyArnConditionKey() {
    var target = f.target(AttachUserPolicyRequest.builder().userName("alice").policyArn(ADMIN_POLICY).build(),
        f.root());
    assertThat(target.action()).isEqualTo("iam:AttachUserPolicy");
    assertThat(target.resourceArn()).isEqualTo("arn:aws:iam::123456789012:user/alice");
    assertThat(target.contextKeys()).containsEntry("iam:PolicyARN", java.util.List.of(ADMIN_POLICY));
  }

  @Test
  void rolePoliciesUseRoleSizeLimit() {
    f.createRole("ops", IamFixture.TRUST_ACCOUNT);
    String medium = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\","
        + "\"Resource\":\"arn:aws:s3:::" + "x".repeat(5000) + "\"}]}";
    f.iam.inlinePolicies().put(f.root(), IamSchema.EntityKind.ROLE, "ops", "medium", medium);
    Expect.error(() -> f.iam.inlinePolicies().put(f.root(), IamSchema.EntityKind.USER, "nobody", "p", ALLOW_ALL),
        "NoSuchEntity", "The user with name nobody cannot be found.");
  }
}
