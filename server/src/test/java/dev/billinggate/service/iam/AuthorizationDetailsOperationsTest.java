package dev.billinggate.service.iam;

import static dev.billinggate.service.iam.IamFixture.ADMIN_POLICY;
import static dev.billinggate.service.iam.IamFixture.ALLOW_ALL;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.model.CreatePolicyRequest;
import software.amazon.awssdk.services.iam.model.EntityType;
import software.amazon.awssdk.services.iam.model.GetAccountAuthorizationDetailsRequest;
import software.amazon.awssdk.services.iam.model.GetAccountAuthorizationDetailsResponse;
import software.amazon.awssdk.services.iam.model.ManagedPolicyDetail;

class AuthorizationDetailsOperationsTest {
  private final IamFixture f = new IamFixture();

  @Test
  void snapshotsEntitiesWithTheirPolicies() {
    f.createUser("alice");
    f.iam.inlinePolicies().put(f.root(), IamSchema.EntityKind.USER, "alice", "own", ALLOW_ALL);
    f.iam.attachments().attach(f.root(), IamSchema.EntityKind.USER, "alice", ADMIN_POLICY);
    f.createRole("ops", IamFixture.TRUST_ACCOUNT);
    f.iam.managedPolicies().createPolicy(CreatePolicyRequest.builder().policyName("Local").policyDocument(ALLOW_ALL)
        .build(), f.root());

    GetAccountAuthorizationDetailsResponse all = f.call(GetAccountAuthorizationDetailsRequest.builder().build(),
        f.root());

    assertThat(all.userDetailList()).singleElement().satisfies(u -> {
      assertThat(u.userPolicyList()).extracting(p -> p.policyName()).containsExactly("own");
      assertThat(u.attachedManagedPolicies()).extracting(p -> p.policyArn()).containsExactly(ADMIN_POLICY);
    });
    assertThat(all.roleDetailList()).extracting(r -> r.roleName()).containsExactly("ops");
    assertThat(all.policies()).extracting(ManagedPolicyDetail::policyName)
        .containsExactly("AdministratorAccess", "Local");
    assertThat(all.policies().get(1).policyVersionList()).singleElement()
        .satisfies(v -> assertThat(v.document()).startsWith("%7B"));

    GetAccountAuthorizationDetailsResponse roles = f.call(GetAccountAuthorizationDetailsRequest.builder()
        .filter(EntityType.ROLE).build(), f.root());
    assertThat(roles.userDetailList()).isEmpty();
    assertThat(roles.roleDetailList()).hasSize(1);
  }
}
