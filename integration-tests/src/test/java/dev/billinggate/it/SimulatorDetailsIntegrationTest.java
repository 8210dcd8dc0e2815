package dev.billinggate.it;

import static dev.billinggate.junit5.BillingGateHandle.ACCOUNT;
import static dev.billinggate.junit5.BillingGateHandle.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.billinggate.junit5.BillingGateHandle;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.EvaluationResult;
import software.amazon.awssdk.services.iam.model.PolicyEvaluationDecisionType;
import software.amazon.awssdk.services.organizations.OrganizationsClient;

/**
 * The policy simulator's per-type details, as AWS reports them: PermissionsBoundaryDecisionDetail when
 * a boundary applies, OrganizationsDecisionDetail when the simulated principal's account is in an
 * organization (SimulatePrincipalPolicy only; SimulateCustomPolicy knows no account's SCPs).
 */
class SimulatorDetailsIntegrationTest {
  private static final String ALLOW_S3 = """
      {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}""";
  private static final String BOUNDARY_GET_ONLY = """
      {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}""";
  private static final String DENY_DELETE_BUCKET = """
      {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"},
       {"Effect":"Deny","Action":"s3:DeleteBucket","Resource":"*"}]}""";

  @Test
  void aBoundaryIsReportedOnItsOwnAndCustomPoliciesHaveNoOrganizationsDetail() {
    try (BillingGateHandle emulator = BillingGateHandle.start()) {
      List<EvaluationResult> results = emulator.iam(ADMIN).simulateCustomPolicy(r -> r
          .policyInputList(ALLOW_S3).permissionsBoundaryPolicyInputList(BOUNDARY_GET_ONLY)
          .actionNames("s3:GetObject", "s3:PutObject")).evaluationResults();

      assertThat(results.get(0).evalDecision()).isEqualTo(PolicyEvaluationDecisionType.ALLOWED);
      assertThat(results.get(0).permissionsBoundaryDecisionDetail().allowedByPermissionsBoundary()).isTrue();
      assertThat(results.get(1).evalDecision()).isEqualTo(PolicyEvaluationDecisionType.IMPLICIT_DENY);
      assertThat(results.get(1).permissionsBoundaryDecisionDetail().allowedByPermissionsBoundary()).isFalse();
      assertThat(results).allSatisfy(r -> assertThat(r.organizationsDecisionDetail()).isNull());

      List<EvaluationResult> noBoundary = emulator.iam(ADMIN).simulateCustomPolicy(r -> r
          .policyInputList(ALLOW_S3).actionNames("s3:GetObject")).evaluationResults();
      assertThat(noBoundary.get(0).permissionsBoundaryDecisionDetail()).isNull();
    }
  }

  @Test
  void serviceControlPoliciesOfTheSimulatedPrincipalsAccountAreReported() {
    try (BillingGateHandle emulator = BillingGateHandle.start()) {
      OrganizationsClient organizations = emulator.organizations(ADMIN);
      String root = organizations.createOrganization(r -> r.featureSet("ALL")).organization().id();
      String rootId = organizations.listRoots().roots().get(0).id();
      organizations.enablePolicyType(r -> r.rootId(rootId).policyType("SERVICE_CONTROL_POLICY"));
      String request = organizations.createAccount(r -> r.accountName("Prod").email("prod@example.com"))
          .createAccountStatus().id();
      emulator.clock().advance(Duration.ofSeconds(3));
      String member = organizations.describeCreateAccountStatus(r -> r.createAccountRequestId(request))
          .createAccountStatus().accountId();
      String scp = organizations.createPolicy(r -> r.name("NoBucketDeletion").type("SERVICE_CONTROL_POLICY")
          .description("deny").content(DENY_DELETE_BUCKET)).policy().policySummary().id();
      organizations.attachPolicy(r -> r.policyId(scp).targetId(member));

      String role = "arn:aws:iam::" + member + ":role/OrganizationAccountAccessRole";
      IamClient memberIam = emulator.iam(BillingGateHandle.session(emulator.sts(ADMIN)
          .assumeRole(r -> r.roleArn(role).roleSessionName("sim")).credentials()));
      List<EvaluationResult> results = memberIam.simulatePrincipalPolicy(r -> r.policySourceArn(role)
          .actionNames("s3:GetObject", "s3:DeleteBucket")).evaluationResults();

      assertThat(root).startsWith("o-");
      assertThat(results.get(0).evalDecision()).isEqualTo(PolicyEvaluationDecisionType.ALLOWED);
      assertThat(results.get(0).organizationsDecisionDetail().allowedByOrganizations()).isTrue();
      assertThat(results.get(1).evalDecision()).isEqualTo(PolicyEvaluationDecisionType.EXPLICIT_DENY);
      assertThat(results.get(1).organizationsDecisionDetail().allowedByOrganizations()).isFalse();

      // SCPs never affect the management account, but it is in the organization: allowed.
      List<EvaluationResult> management = emulator.iam(ADMIN).simulatePrincipalPolicy(r -> r
          .policySourceArn("arn:aws:iam::" + ACCOUNT + ":user/admin").actionNames("s3:DeleteBucket"))
          .evaluationResults();
      assertThat(management.get(0).organizationsDecisionDetail().allowedByOrganizations()).isTrue();
    }
  }
}
