package dev.billinggate.service.iam;

import static dev.billinggate.service.iam.IamFixture.ADMIN_POLICY;
import static dev.billinggate.service.iam.IamFixture.ALLOW_ALL;
import static org.assertj.core.api.Assertions.assertThat;

import dev.billinggate.policy.PrincipalKind;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.model.EvaluationResult;
import software.amazon.awssdk.services.iam.model.PolicyEvaluationDecisionType;
import software.amazon.awssdk.services.iam.model.SimulateCustomPolicyRequest;
import software.amazon.awssdk.services.iam.model.SimulatePrincipalPolicyRequest;

class SimulationOperationsTest {
  private static final String GET_USER_ONLY = """
      {"Version":"2012-10-17","Statement":[{"Sid":"Read","Effect":"Allow","Action":"iam:GetUser","Resource":"*"}]}""";

  private final IamFixture f = new IamFixture();

  @Test
  void simulatesAUsersPoliciesForEachActionAndResource() {
    f.createUser("alice");
    f.iam.attachments().attach(f.root(), IamSchema.EntityKind.USER, "alice", ADMIN_POLICY);
    f.iam.inlinePolicies().put(f.root(), IamSchema.EntityKind.USER, "alice", "own", ALLOW_ALL);

    var response = f.iam.simulation().simulatePrincipalPolicy(SimulatePrincipalPolicyRequest.builder()
        .policySourceArn("arn:aws:iam::123456789012:user/alice").actionNames("iam:ListUsers", "iam:GetUser")
        .resourceArns("arn:aws:iam::123456789012:user/a", "arn:aws:iam::123456789012:user/b").maxItems(3).build(),
        f.root());

    assertThat(response.evaluationResults()).extracting(EvaluationResult::evalActionName)
        .containsExactly("iam:ListUsers", "iam:ListUsers", "iam:GetUser");
    assertThat(response.evaluationResults().get(0).evalDecision()).isEqualTo(PolicyEvaluationDecisionType.ALLOWED);
    assertThat(response.isTruncated()).isTrue();
    var request = f.engine.requests.get(0);
    assertThat(request.principal().kind()).isEqualTo(PrincipalKind.IAM_USER);
    assertThat(request.policies().identity()).extracting(p -> p.id())
        .containsExactly("user/alice/inline/own", ADMIN_POLICY);
  }

  @Test
  void customPoliciesAreEvaluatedAsGiven() {
    var response = f.iam.simulation().simulateCustomPolicy(SimulateCustomPolicyRequest.builder()
        .policyInputList(GET_USER_ONLY).actionNames("ce:GetCostAndUsage").build(), f.root());

    assertThat(response.evaluationResults()).singleElement().satisfies(r -> {
      assertThat(r.evalResourceName()).isEqualTo("*");
      assertThat(r.evalDecision()).isEqualTo(PolicyEvaluationDecisionType.IMPLICIT_DENY);
    });
    Expect.error(() -> f.iam.simulation().simulateCustomPolicy(SimulateCustomPolicyRequest.builder()
        .policyInputList("{bad").actionNames("ce:GetCostAndUsage").build(), f.root()),
        "MalformedPolicyDocument", null);
  }

  @Test
  void unknownSourcesAreNoSuchEntity() {
    Expect.error(() -> f.iam.simulation().simulatePrincipalPolicy(SimulatePrincipalPolicyRequest.builder()
        .policySourceArn("arn:aws:iam::123456789012:role/none").actionNames("iam:GetRole").build(), f.root()),
        "NoSuchEntity", null);
  }
}
