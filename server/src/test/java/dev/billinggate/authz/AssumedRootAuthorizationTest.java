package dev.billinggate.authz;

import static dev.billinggate.service.iam.IamFixture.ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.billinggate.auth.Caller;
import dev.billinggate.auth.CallerType;
import dev.billinggate.auth.Session;
import dev.billinggate.core.AwsException;
import dev.billinggate.policy.AuthorizationRequest;
import dev.billinggate.service.AccessTarget;
import dev.billinggate.service.iam.IamFixture;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** AssumeRoot sessions: root of the target account, cut down by the task policy as session policy. */
class AssumedRootAuthorizationTest {
  private static final String ROOT = "arn:aws:iam::" + ACCOUNT + ":root";
  private static final String TASKS = "arn:aws:iam::aws:policy/root-task/";
  /** Console-only billing actions and the Cost Explorer API: no task policy may reach them. */
  private static final List<String> BILLING_ACTIONS = List.of("billing:GetBillingData", "billing:UpdateBillingPreferences",
      "aws-portal:ViewBilling", "aws-portal:ModifyBilling", "aws-portal:ModifyAccount", "ce:GetCostAndUsage",
      "ce:UpdatePreferences", "budgets:ViewBudget", "account:PutAlternateContact", "payments:ListPaymentMethods",
      "iam:CreateUser", "organizations:LeaveOrganization");

  private final IamFixture f = new IamFixture();
  private final Authorizer authorizer =
      new Authorizer(f.store, f.engine, f.iam.identityPolicies(), OrganizationPolicies.NONE);

  private static Caller rootSession(String taskPolicy) {
    Instant now = Instant.now();
    Session session = new Session(ROOT, ACCOUNT, null, now, now.plusSeconds(900), null, List.of(taskPolicy), Map.of(),
        List.of(), null, false);
    return new Caller(CallerType.ASSUMED_ROOT, ACCOUNT, ROOT, ACCOUNT, "ASIAEXAMPLEROOT00001", session);
  }

  @ParameterizedTest
  @ValueSource(strings = {"IAMAuditRootUserCredentials", "IAMCreateRootUserPassword", "IAMDeleteRootUserCredentials",
      "S3UnlockBucketPolicy", "SQSUnlockQueuePolicy"})
  void noTaskPolicyAllowsBillingOrAnythingBeyondItsTask(String task) {
    Caller caller = rootSession(TASKS + task);
    for (String action : BILLING_ACTIONS) {
      assertThatThrownBy(() -> authorizer.authorize(caller, AccessTarget.of(action, "*"), f.ctx(caller)))
          .as(action).isInstanceOf(AwsException.class).hasMessageContaining("explicit deny in a session policy");
    }
  }

  @Test
  void theTaskAppliesToTheRootUserOnly() {
    Caller audit = rootSession(TASKS + "IAMAuditRootUserCredentials");
    assertThatCode(() -> authorizer.authorize(audit, AccessTarget.of("iam:ListAccessKeys", ROOT), f.ctx(audit)))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> authorizer.authorize(audit,
        AccessTarget.of("iam:ListAccessKeys", "arn:aws:iam::" + ACCOUNT + ":user/alice"), f.ctx(audit)))
        .isInstanceOf(AwsException.class);
  }

  @Test
  void rootSessionsCarryTheAssumedRootKeys() {
    Caller audit = rootSession(TASKS + "IAMAuditRootUserCredentials");
    authorizer.authorize(audit, AccessTarget.of("iam:GetAccountSummary", "*"), f.ctx(audit));

    AuthorizationRequest request = f.engine.requests.get(f.engine.requests.size() - 1);
    assertThat(request.context()).containsEntry("aws:AssumedRoot", List.of("true"))
        .containsEntry("aws:PrincipalArn", List.of(ROOT))
        .containsEntry("aws:PrincipalType", List.of("Account"));
    assertThat(request.policies().session()).extracting(p -> p.id())
        .containsExactly(TASKS + "IAMAuditRootUserCredentials");
    assertThat(request.policies().identity()).isEmpty();
  }
}
