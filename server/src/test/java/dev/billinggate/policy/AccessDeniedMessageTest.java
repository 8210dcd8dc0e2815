package dev.billinggate.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.billinggate.policy.eval.DefaultPolicyEngine;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The policy-ARN suffix of explicit-deny messages; the corpus names policies by position instead. */
class AccessDeniedMessageTest {
  private static final String A = "111111111111";
  private static final String DENY_ALL = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Action\":\"*\",\"Resource\":\"*\"}]}";
  private static final String ALLOW_ALL = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}";
  private static final Principal MATT = new Principal(PrincipalKind.IAM_USER, "arn:aws:iam::" + A + ":user/Matt", A, null, false);
  private final PolicyEngine engine = new DefaultPolicyEngine();

  private String message(PolicySet set) {
    return engine.explain(new AuthorizationRequest(MATT, "iam:ListRoles", "arn:aws:iam::" + A + ":role/*", A, ConditionContext.empty(), set)).message();
  }

  @Test
  void scpDenyNamesThePolicyArn() {
    String scp = "arn:aws:organizations::987654321098:policy/o-qv5af4abcd/service_control_policy/p-2kgnabcd";
    PolicySet set = new PolicySet(List.of(engine.compile("user/Matt/inline/All", ALLOW_ALL, PolicyKind.USER_INLINE)), null, List.of(),
        List.of(List.of(engine.compile(scp, DENY_ALL, PolicyKind.SERVICE_CONTROL))), List.of(), null, false);
    assertThat(message(set)).isEqualTo("User: arn:aws:iam::" + A + ":user/Matt is not authorized to perform: iam:ListRoles on resource: arn:aws:iam::"
        + A + ":role/* with an explicit deny in a service control policy: " + scp);
  }

  @Test
  void managedIdentityPolicyIsNamedInlineIsNot() {
    String managed = "arn:aws:iam::" + A + ":policy/NoIam";
    PolicySet withManaged = new PolicySet(List.of(engine.compile(managed, DENY_ALL, PolicyKind.MANAGED)), null, List.of(), List.of(), List.of(), null, false);
    assertThat(message(withManaged)).endsWith("with an explicit deny in an identity-based policy: " + managed);
    PolicySet withInline = new PolicySet(List.of(engine.compile("user/Matt/inline/NoIam", DENY_ALL, PolicyKind.USER_INLINE)), null, List.of(), List.of(), List.of(), null, false);
    assertThat(message(withInline)).endsWith("with an explicit deny in an identity-based policy");
  }

  @Test
  void implicitDenyNamesNoPolicy() {
    PolicySet none = new PolicySet(List.of(), null, List.of(), List.of(), List.of(), null, false);
    assertThat(message(none)).endsWith("because no identity-based policy allows the iam:ListRoles action");
  }
}
