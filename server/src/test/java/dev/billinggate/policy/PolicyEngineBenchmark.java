package dev.billinggate.policy;

import dev.billinggate.policy.eval.DefaultPolicyEngine;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * A realistic organization request: a role session in a member account five OUs deep (5 SCP levels,
 * up to 4 SCPs each with conditional guardrails), 10 identity policies, a permissions boundary, a
 * session policy, the Organizations resource policy and 2 RCP levels, with 10 context keys. Every
 * guardrail has to be evaluated because the request is allowed. Plus a ReadOnlyAccess-sized policy
 * (3,000 actions) to show the per-service action index.
 *
 * <p>Run (from the worktree; the numbers on a shared 2-core machine are noisy):
 *
 * <pre>
 * mvn -q -o test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.openjdk.jmh.Main \
 *   -Djmh.ignoreLock=true -Dexec.args="PolicyEngineBenchmark -f 0 -wi 3 -i 5 -prof gc"
 * </pre>
 *
 * ({@code -f 0}: a forked JMH JVM would not get exec:java's class path; {@code jmh.ignoreLock}: other
 * JMH runs on the shared machine hold {@code /tmp/jmh.lock}.)
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class PolicyEngineBenchmark {
  private static final String ACCOUNT = "111111111111";
  private static final String V = "{\"Version\":\"2012-10-17\",\"Statement\":[";

  private final PolicyEngine engine = new DefaultPolicyEngine();
  private AuthorizationRequest allowed;
  private AuthorizationRequest deniedBySession;
  private AuthorizationRequest largeManagedPolicy;

  @Setup
  public void setUp() {
    String fullAccess = V + "{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}";
    List<List<Policy>> scps = new ArrayList<>();
    for (int level = 0; level < 5; level++) {
      List<Policy> policies = new ArrayList<>();
      policies.add(compile("scp-full-" + level, fullAccess, PolicyKind.SERVICE_CONTROL));
      if (level == 0) {
        policies.add(compile("scp-region", V + "{\"Sid\":\"DenyOutsideRegions\",\"Effect\":\"Deny\",\"NotAction\":[\"iam:*\",\"organizations:*\",\"ce:*\",\"budgets:*\",\"sts:*\",\"support:*\"],"
            + "\"Resource\":\"*\",\"Condition\":{\"StringNotEquals\":{\"aws:RequestedRegion\":[\"us-east-1\",\"eu-west-1\"]},"
            + "\"ArnNotLike\":{\"aws:PrincipalArn\":\"arn:aws:iam::*:role/OrgAdmin\"}}}]}", PolicyKind.SERVICE_CONTROL));
        policies.add(compile("scp-leave", V + "{\"Effect\":\"Deny\",\"Action\":[\"organizations:LeaveOrganization\",\"account:CloseAccount\"],\"Resource\":\"*\"}]}",
            PolicyKind.SERVICE_CONTROL));
      }
      if (level == 2) {
        policies.add(compile("scp-iam", V + "{\"Effect\":\"Deny\",\"Action\":[\"iam:Create*\",\"iam:Delete*\",\"iam:Put*\",\"iam:Attach*\"],\"Resource\":\"*\","
            + "\"Condition\":{\"ArnNotLike\":{\"aws:PrincipalArn\":[\"arn:aws:iam::*:role/OrgAdmin\",\"arn:aws:iam::*:role/Breakglass\"]}}}]}", PolicyKind.SERVICE_CONTROL));
        policies.add(compile("scp-mfa", V + "{\"Effect\":\"Deny\",\"Action\":[\"billing:*\",\"payments:*\"],\"Resource\":\"*\","
            + "\"Condition\":{\"BoolIfExists\":{\"aws:MultiFactorAuthPresent\":\"false\"}}}]}", PolicyKind.SERVICE_CONTROL));
      }
      if (level == 4) {
        policies.add(compile("scp-tls", V + "{\"Effect\":\"Deny\",\"Action\":\"*\",\"Resource\":\"*\",\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"false\"}}},"
            + "{\"Effect\":\"Deny\",\"Action\":\"*\",\"Resource\":\"*\",\"Condition\":{\"NotIpAddress\":{\"aws:SourceIp\":[\"10.0.0.0/8\",\"192.0.2.0/24\",\"2001:db8::/32\"]}}}]}",
            PolicyKind.SERVICE_CONTROL));
      }
      scps.add(policies);
    }
    List<Policy> identity = new ArrayList<>();
    String[] services = {"iam", "organizations", "budgets", "cur", "s3", "ec2", "kms", "sqs", "sns"};
    for (String svc : services) {
      identity.add(compile("id-" + svc, V + "{\"Effect\":\"Allow\",\"Action\":[\"" + svc + ":Get*\",\"" + svc + ":List*\",\"" + svc + ":Describe*\"],\"Resource\":\"*\"},"
          + "{\"Effect\":\"Deny\",\"Action\":\"" + svc + ":Delete*\",\"Resource\":\"*\"}]}", PolicyKind.MANAGED));
    }
    identity.add(compile("id-cost", V + "{\"Sid\":\"CostRead\",\"Effect\":\"Allow\",\"Action\":[\"ce:Get*\",\"ce:Describe*\",\"ce:List*\"],\"Resource\":\"*\","
        + "\"Condition\":{\"StringEquals\":{\"aws:PrincipalTag/team\":[\"finance\",\"platform\"]},\"StringLike\":{\"aws:PrincipalOrgID\":\"o-*\"}}}]}", PolicyKind.MANAGED));
    Policy boundary = compile("boundary", V + "{\"Effect\":\"Allow\",\"Action\":[\"ce:*\",\"budgets:*\",\"cur:*\",\"organizations:Describe*\",\"organizations:List*\"],"
        + "\"Resource\":\"*\",\"Condition\":{\"StringEquals\":{\"aws:RequestedRegion\":[\"us-east-1\",\"eu-west-1\"]}}}]}", PolicyKind.MANAGED);
    Policy session = compile("session", V + "{\"Effect\":\"Allow\",\"Action\":\"ce:Get*\",\"Resource\":\"arn:aws:ce:*:" + ACCOUNT + ":*\"}]}", PolicyKind.SESSION);
    Policy resource = compile("org-resource-policy", V + "{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::" + ACCOUNT + ":root\"},"
        + "\"Action\":[\"organizations:Describe*\",\"organizations:List*\"],\"Resource\":\"*\"}]}", PolicyKind.RESOURCE);
    Policy rcpFull = compile("rcp-full", V + "{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"*\",\"Resource\":\"*\"}]}", PolicyKind.RESOURCE_CONTROL);
    Policy perimeter = compile("rcp-perimeter", V + "{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":[\"s3:*\",\"sts:*\",\"ce:*\"],\"Resource\":\"*\","
        + "\"Condition\":{\"StringNotEqualsIfExists\":{\"aws:PrincipalOrgID\":\"o-abc123\"},\"BoolIfExists\":{\"aws:PrincipalIsAWSService\":\"false\"}}}]}",
        PolicyKind.RESOURCE_CONTROL);
    List<List<Policy>> rcps = List.of(List.of(rcpFull, perimeter), List.of(rcpFull));

    Principal principal = new Principal(PrincipalKind.ROLE_SESSION, "arn:aws:sts::" + ACCOUNT + ":assumed-role/FinanceAnalyst/alice",
        ACCOUNT, "arn:aws:iam::" + ACCOUNT + ":role/FinanceAnalyst", false);
    ConditionContext ctx = ConditionContext.builder()
        .put(ContextKeys.PRINCIPAL_ARN, "arn:aws:iam::" + ACCOUNT + ":role/FinanceAnalyst")
        .put(ContextKeys.PRINCIPAL_ACCOUNT, ACCOUNT)
        .put(ContextKeys.PRINCIPAL_ORG_ID, "o-abc123")
        .put(ContextKeys.principalTag("team"), "finance")
        .put(ContextKeys.REQUESTED_REGION, "us-east-1")
        .put(ContextKeys.SOURCE_IP, "10.1.2.3")
        .put(ContextKeys.SECURE_TRANSPORT, "true")
        .put(ContextKeys.CURRENT_TIME, "2026-11-24T04:45:00Z")
        .put(ContextKeys.PRINCIPAL_IS_AWS_SERVICE, "false")
        .put(ContextKeys.MULTI_FACTOR_AUTH_PRESENT, "true")
        .build();
    PolicySet set = new PolicySet(identity, boundary, List.of(session), scps, rcps, resource, false);
    String ceArn = "arn:aws:ce:us-east-1:" + ACCOUNT + ":/GetCostAndUsage";
    allowed = new AuthorizationRequest(principal, "ce:GetCostAndUsage", ceArn, ACCOUNT, ctx, set);
    deniedBySession = new AuthorizationRequest(principal, "budgets:DescribeBudgets", "arn:aws:budgets::" + ACCOUNT + ":budget/b", ACCOUNT, ctx, set);
    largeManagedPolicy = new AuthorizationRequest(principal, "svc299:ListThing9", "*", ACCOUNT, ctx,
        new PolicySet(List.of(readOnlySized()), null, List.of(), List.of(), List.of(), null, false));
    if (engine.decide(largeManagedPolicy) != Decision.ALLOW
        || engine.decide(allowed) != Decision.ALLOW || engine.explain(deniedBySession).blockedBy() != PolicyType.SESSION) {
      throw new IllegalStateException("benchmark scenario drifted: " + engine.explain(allowed) + " / " + engine.explain(deniedBySession));
    }
  }

  /** Like ReadOnlyAccess: one statement listing 3,000 actions of 300 services. */
  private Policy readOnlySized() {
    StringBuilder actions = new StringBuilder();
    for (int svc = 0; svc < 300; svc++) {
      for (int a = 0; a < 10; a++) {
        actions.append(actions.length() == 0 ? "" : ",").append("\"svc").append(svc).append(a % 2 == 0 ? ":Get" : ":List").append("Thing").append(a).append('"');
      }
    }
    return compile("read-only", V + "{\"Effect\":\"Allow\",\"Action\":[" + actions + "],\"Resource\":\"*\"}]}", PolicyKind.AWS_MANAGED);
  }

  private Policy compile(String id, String json, PolicyKind kind) {
    return engine.compile(id, json, kind);
  }

  @Benchmark
  public Decision decideAllowed() {
    return engine.decide(allowed);
  }

  @Benchmark
  public Decision decideImplicitDeny() {
    return engine.decide(deniedBySession);
  }

  @Benchmark
  public Decision decideLargeManagedPolicy() {
    return engine.decide(largeManagedPolicy);
  }

  @Benchmark
  public Explanation explainAllowed() {
    return engine.explain(allowed);
  }

  @Benchmark
  public Explanation explainImplicitDeny() {
    return engine.explain(deniedBySession);
  }
}
