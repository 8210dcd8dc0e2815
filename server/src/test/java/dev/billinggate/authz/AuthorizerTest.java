package dev.billinggate.authz;

import static dev.billinggate.service.iam.IamFixture.ACCOUNT;
import static dev.billinggate.service.iam.IamFixture.ADMIN_POLICY;
import static dev.billinggate.service.iam.IamFixture.ALLOW_ALL;
import static org.assertj.core.api.Assertions.assertThat;

import dev.billinggate.auth.Caller;
import dev.billinggate.policy.AuthorizationRequest;
import dev.billinggate.policy.PolicyKind;
import dev.billinggate.policy.PrincipalKind;
import dev.billinggate.service.AccessTarget;
import dev.billinggate.service.iam.Expect;
import dev.billinggate.service.iam.IamFixture;
import dev.billinggate.service.sts.StoredCredentialLookup;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.model.AddUserToGroupRequest;
import software.amazon.awssdk.services.iam.model.AttachRolePolicyRequest;
import software.amazon.awssdk.services.iam.model.AttachUserPolicyRequest;
import software.amazon.awssdk.services.iam.model.CreateGroupRequest;
import software.amazon.awssdk.services.iam.model.CreateUserRequest;
import software.amazon.awssdk.services.iam.model.DeleteUserRequest;
import software.amazon.awssdk.services.iam.model.PutGroupPolicyRequest;
import software.amazon.awssdk.services.iam.model.PutUserPolicyRequest;
import software.amazon.awssdk.services.iam.model.Tag;
import software.amazon.awssdk.services.iam.model.TagRoleRequest;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.PolicyDescriptorType;

class AuthorizerTest {
  private static final AccessTarget LIST_USERS = AccessTarget.of("iam:ListUsers", "*");

  private final IamFixture f = new IamFixture();
  private final Authorizer authorizer =
      new Authorizer(f.store, f.engine, f.iam.identityPolicies(), OrganizationPolicies.NONE);

  private AuthorizationRequest last() {
    return f.engine.requests.get(f.engine.requests.size() - 1);
  }

  private Caller aliceInAGroup() {
    f.call(CreateUserRequest.builder().userName("alice")
        .tags(Tag.builder().key("team").value("billing").build()).build(), f.root());
    f.call(PutUserPolicyRequest.builder().userName("alice").policyName("own").policyDocument(ALLOW_ALL).build(),
        f.root());
    f.call(AttachUserPolicyRequest.builder().userName("alice").policyArn(ADMIN_POLICY).build(), f.root());
    f.call(CreateGroupRequest.builder().groupName("ops").build(), f.root());
    f.call(PutGroupPolicyRequest.builder().groupName("ops").policyName("group-inline").policyDocument(ALLOW_ALL)
        .build(), f.root());
    f.call(AddUserToGroupRequest.builder().groupName("ops").userName("alice").build(),
        f.root());
    return f.userCaller("alice");
  }

  @Test
  void userRequestsCarryOwnAndGroupPoliciesAndGlobalKeys() {
    Caller alice = aliceInAGroup();
    authorizer.authorize(alice, LIST_USERS, f.ctx(alice));

    AuthorizationRequest request = last();
    assertThat(request.principal().kind()).isEqualTo(PrincipalKind.IAM_USER);
    assertThat(request.principal().arn()).isEqualTo("arn:aws:iam::123456789012:user/alice");
    assertThat(request.policies().identity()).extracting(p -> p.id())
        .containsExactly("user/alice/inline/own", ADMIN_POLICY, "group/ops/inline/group-inline");
    assertThat(request.policies().identity().get(0).kind()).isEqualTo(PolicyKind.USER_INLINE);
    assertThat(request.policies().session()).isEmpty();
    assertThat(request.context())
        .containsEntry("aws:username", List.of("alice"))
        .containsEntry("aws:PrincipalArn", List.of("arn:aws:iam::123456789012:user/alice"))
        .containsEntry("aws:PrincipalAccount", List.of(ACCOUNT))
        .containsEntry("aws:PrincipalType", List.of("User"))
        .containsEntry("aws:PrincipalTag/team", List.of("billing"))
        .containsEntry("aws:SourceIp", List.of("192.0.2.10"))
        .containsEntry("aws:SecureTransport", List.of("true"))
        .containsEntry("aws:RequestedRegion", List.of("us-east-1"))
        .containsEntry("aws:ResourceAccount", List.of(ACCOUNT))
        .containsKeys("aws:CurrentTime", "aws:EpochTime", "aws:userid")
        .doesNotContainKeys("aws:MultiFactorAuthPresent", "aws:TokenIssueTime");
  }

  @Test
  void compiledPoliciesAreReused() {
    Caller alice = aliceInAGroup();
    authorizer.authorize(alice, LIST_USERS, f.ctx(alice));
    int compiles = f.engine.compiles;
    authorizer.authorize(alice, LIST_USERS, f.ctx(alice));
    assertThat(f.engine.compiles).isEqualTo(compiles);
  }

  @Test
  void roleSessionsCarryRoleAndSessionPolicies() {
    f.createRole("reader", IamFixture.TRUST_ACCOUNT);
    f.call(AttachRolePolicyRequest.builder().roleName("reader").policyArn(ADMIN_POLICY).build(), f.root());
    f.call(TagRoleRequest.builder().roleName("reader").tags(Tag.builder().key("env").value("prod").build(),
        Tag.builder().key("team").value("infra").build()).build(), f.root());
    f.createUser("bob");
    AssumeRoleResponse assumed = f.call(AssumeRoleRequest.builder().roleArn("arn:aws:iam::123456789012:role/reader")
        .roleSessionName("s1").policy(ALLOW_ALL).policyArns(PolicyDescriptorType.builder().arn(ADMIN_POLICY).build())
        .tags(software.amazon.awssdk.services.sts.model.Tag.builder().key("team").value("billing").build()).build(),
        f.ctx(f.userCaller("bob")));
    Caller session = new StoredCredentialLookup(f.store).find(assumed.credentials().accessKeyId()).orElseThrow()
        .caller();

    authorizer.authorize(session, LIST_USERS, f.ctx(session));

    AuthorizationRequest request = last();
    assertThat(request.principal().kind()).isEqualTo(PrincipalKind.ROLE_SESSION);
    assertThat(request.principal().arn()).isEqualTo("arn:aws:sts::123456789012:assumed-role/reader/s1");
    assertThat(request.principal().issuerArn()).isEqualTo("arn:aws:iam::123456789012:role/reader");
    assertThat(request.policies().identity()).extracting(p -> p.id()).containsExactly(ADMIN_POLICY);
    assertThat(request.policies().session()).extracting(p -> p.kind())
        .containsExactly(PolicyKind.SESSION, PolicyKind.AWS_MANAGED);
    assertThat(request.context())
        .containsEntry("aws:PrincipalArn", List.of("arn:aws:iam::123456789012:role/reader"))
        .containsEntry("aws:PrincipalType", List.of("AssumedRole"))
        .containsEntry("aws:PrincipalTag/team", List.of("billing"))
        .containsEntry("aws:PrincipalTag/env", List.of("prod"))
        .containsEntry("aws:MultiFactorAuthPresent", List.of("false"))
        .containsKeys("aws:TokenIssueTime")
        .doesNotContainKey("aws:username");
  }

  @Test
  void trustPoliciesMustAllowOnTheirOwn() {
    f.createUser("bob");
    Caller bob = f.userCaller("bob");
    AccessTarget target = AccessTarget.of("sts:AssumeRole", "arn:aws:iam::123456789012:role/reader")
        .withResourcePolicy(ACCOUNT, IamFixture.TRUST_ACCOUNT);
    AuthorizationRequest request = authorizer.request(bob, target, f.ctx(bob)).orElseThrow();

    assertThat(request.policies().resourcePolicyRequired()).isTrue();
    assertThat(request.policies().resourcePolicy().kind()).isEqualTo(PolicyKind.TRUST);
    // The trust policy delegates to the account: bob's own policies must allow sts:AssumeRole too.
    Expect.error(() -> authorizer.authorize(bob, target, f.ctx(bob)), "AccessDenied", null);
    f.call(PutUserPolicyRequest.builder().userName("bob").policyName("assume").policyDocument("""
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Resource":"*"}]}""").build(), f.root());
    authorizer.authorize(bob, target, f.ctx(bob));

    int asked = f.engine.requests.size();
    Expect.error(() -> authorizer.authorize(bob, AccessTarget.of("sts:AssumeRole",
            "arn:aws:iam::123456789012:role/none").withResourcePolicy(ACCOUNT, null), f.ctx(bob)),
        "AccessDenied", "User: arn:aws:iam::123456789012:user/bob is not authorized to perform: sts:AssumeRole on "
            + "resource: arn:aws:iam::123456789012:role/none");
    assertThat(f.engine.requests).hasSize(asked);
  }

  @Test
  void sessionTagsNeedTagSessionInTheTrustPolicy() {
    f.createUser("bob");
    Caller bob = f.userCaller("bob");
    f.call(PutUserPolicyRequest.builder().userName("bob").policyName("sts").policyDocument("""
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:*","Resource":"*"}]}""").build(), f.root());
    AccessTarget tagged = AccessTarget.of("sts:AssumeRole", "arn:aws:iam::123456789012:role/reader")
        .withContext(java.util.Map.of("aws:TagKeys", List.of("team"), "aws:RequestTag/team", List.of("x")));

    Expect.error(() -> authorizer.authorize(bob, tagged.withResourcePolicy(ACCOUNT, IamFixture.TRUST_ACCOUNT),
        f.ctx(bob)), "AccessDenied", null);
    assertThat(last().action()).isEqualTo("sts:TagSession");
    authorizer.authorize(bob, tagged.withResourcePolicy(ACCOUNT, IamFixture.TRUST_ACCOUNT
        .replace("\"Action\":\"sts:AssumeRole\"", "\"Action\":[\"sts:AssumeRole\",\"sts:TagSession\"]")), f.ctx(bob));
  }

  @Test
  void assumeRoleEndToEndWithTheRealEngine() {
    f.createRole("reader", IamFixture.TRUST_ACCOUNT);
    f.call(AttachRolePolicyRequest.builder().roleName("reader").policyArn("arn:aws:iam::aws:policy/IAMReadOnlyAccess")
        .build(), f.root());
    f.createUser("bob");
    Caller bob = f.userCaller("bob");
    AssumeRoleRequest assume = AssumeRoleRequest.builder().roleArn("arn:aws:iam::123456789012:role/reader")
        .roleSessionName("s2").policy("""
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:GetRole","Resource":"*"}]}""").build();

    Expect.error(() -> authorizer.authorize(bob, f.target(assume, f.ctx(bob)), f.ctx(bob)), "AccessDenied", null);
    f.call(PutUserPolicyRequest.builder().userName("bob").policyName("assume").policyDocument("""
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Resource":"*"}]}""").build(), f.root());
    authorizer.authorize(bob, f.target(assume, f.ctx(bob)), f.ctx(bob));
    AssumeRoleResponse assumed = f.call(assume, f.ctx(bob));
    Caller session = new StoredCredentialLookup(f.store).find(assumed.credentials().accessKeyId()).orElseThrow()
        .caller();

    authorizer.authorize(session, AccessTarget.of("iam:GetRole", "arn:aws:iam::123456789012:role/reader"),
        f.ctx(session));
    Expect.error(() -> authorizer.authorize(session, AccessTarget.of("iam:ListRoles",
            "arn:aws:iam::123456789012:role/"), f.ctx(session)), "AccessDenied",
        "User: arn:aws:sts::123456789012:assumed-role/reader/s2 is not authorized to perform: iam:ListRoles on "
            + "resource: arn:aws:iam::123456789012:role/ because no session policy allows the iam:ListRoles action");
  }

  @Test
  void denialsUseTheEngineExplanation() {
    f.createUser("bob");
    Caller bob = f.userCaller("bob");
    Expect.error(() -> authorizer.authorize(bob, LIST_USERS, f.ctx(bob)), "AccessDenied",
        "User: arn:aws:iam::123456789012:user/bob is not authorized to perform: iam:ListUsers on resource: * "
            + "because no identity-based policy allows the iam:ListUsers action");
  }

  @Test
  void getCallerIdentityIsAlwaysAllowed() {
    f.createUser("bob");
    Caller bob = f.userCaller("bob");
    authorizer.authorize(bob, AccessTarget.of("sts:GetCallerIdentity", "*"), f.ctx(bob));
    assertThat(f.engine.requests).isEmpty();
  }

  @Test
  void deletedUsersAreDenied() {
    f.createUser("bob");
    Caller bob = f.userCaller("bob");
    f.call(DeleteUserRequest.builder().userName("bob").build(), f.root());
    Expect.error(() -> authorizer.authorize(bob, LIST_USERS, f.ctx(bob)), "AccessDenied", null);
  }

  @Test
  void rootIsAskedAsRootWithNoPolicies() {
    Caller root = IamFixture.rootCaller(ACCOUNT);
    authorizer.authorize(root, LIST_USERS, f.ctx(root));
    assertThat(last().principal().kind()).isEqualTo(PrincipalKind.ROOT);
    assertThat(last().policies().identity()).isEmpty();
    assertThat(last().context()).containsEntry("aws:PrincipalType", List.of("Account"));
  }
}
