package dev.billinggate.governance;

import dev.billinggate.policy.AuthorizationRequest;
import dev.billinggate.policy.Decision;
import dev.billinggate.policy.Explanation;
import dev.billinggate.policy.Policy;
import dev.billinggate.policy.PolicyException;
import dev.billinggate.policy.PolicyKind;
import dev.billinggate.policy.PolicySet;
import dev.billinggate.policy.PolicyType;
import dev.billinggate.policy.Principal;
import dev.billinggate.policy.RcpScope;
import dev.billinggate.policy.StatementRef;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Whether the SCPs on an account's path (and its RCPs, for the services RCPs cover) let a principal
 * of that account perform some actions, decided by the policy engine as the emulator's own
 * authorization decides them, but with the request context only partly known.
 *
 * <p>Rule: every policy is evaluated in two bounding worlds built from {@link BoundedPolicy}. In the
 * best case, only the Denies whose conditions are decidable and hold apply, and every Allow whose
 * decidable conditions hold counts. In the worst case, every Deny whose decidable conditions hold
 * applies, and only the Allows that hold whatever the unknown keys are count. The engine denying in
 * the best case is a FAIL; allowing in the worst case is a PASS; anything between is UNKNOWN (SCP
 * evaluation is monotone in each statement, so the truth lies between the two). Every level (root,
 * each OU, the account) must have an Allow, as in AWS. The identity side is assumed to allow: only
 * the guardrails are in question.
 */
public final class GuardrailAnalysis {
  private static final Policy IDENTITY_ALLOWS_ALL = BoundedPolicy.ENGINE.compile("identity (assumed to allow)",
      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}",
      PolicyKind.ROLE_INLINE);
  private static final List<PolicyType> TYPES = List.of(PolicyType.SERVICE_CONTROL, PolicyType.RESOURCE_CONTROL);

  private final PolicyPath path;
  private final Principal principal;
  private final String resource;
  private final KnownContext context;
  private final Map<OrgPolicy, BoundedPolicy> bounded = new IdentityHashMap<>();
  private final Map<GuardrailFinding, List<String>> findings = new LinkedHashMap<>();

  private GuardrailAnalysis(PolicyPath path, Principal principal, String resource, KnownContext context) {
    this.path = path;
    this.principal = principal;
    this.resource = resource;
    this.context = context;
  }

  /**
   * @param principal the principal of the account at the end of {@code path}
   * @param resource the resource ARN every action acts on, or {@code "*"}
   */
  public static GuardrailResult analyze(PolicyPath path, Principal principal, String resource, KnownContext context,
      List<String> actions) {
    return new GuardrailAnalysis(path, principal, resource, context).run(actions);
  }

  private GuardrailResult run(List<String> actions) {
    for (PolicyPath.Level level : path.levels()) {
      for (OrgPolicy policy : level.policies()) {
        try {
          bounded.computeIfAbsent(policy, p -> p.boundedFor(context.domain()));
        } catch (PolicyException e) {
          add(new GuardrailFinding(GuardrailFinding.Kind.UNREADABLE, policy.type(),
              policy.label() + " (" + e.getMessage() + ")", path.levelsOf(policy.id()), List.of()), actions);
        }
      }
    }
    if (!findings.isEmpty()) {
      return new GuardrailResult(CheckStatus.UNKNOWN, findings);
    }
    CheckStatus status = CheckStatus.PASS;
    for (String action : actions) {
      List<PolicyType> types = TYPES.stream().filter(t -> applies(t, action)).toList();
      if (decide(action, types, b -> parts(b.denies(true), b.allows(false))) != Decision.ALLOW) {
        status = CheckStatus.FAIL;
        denies(action, types, true);
        missingAllows(action, types);
      } else if (decide(action, types, b -> parts(b.denies(false), b.allows(true))) != Decision.ALLOW) {
        status = status == CheckStatus.FAIL ? status : CheckStatus.UNKNOWN;
        denies(action, types, false);
        conditionalAllows(action, types);
      }
    }
    return new GuardrailResult(status, findings);
  }

  /** SCPs govern the principal's account, RCPs only the services they cover; neither when not enabled. */
  private boolean applies(PolicyType type, String action) {
    return path.enabled(type) && (type == PolicyType.SERVICE_CONTROL || RcpScope.covers(action));
  }

  private Decision decide(String action, List<PolicyType> types, Function<BoundedPolicy, List<Policy>> form) {
    return BoundedPolicy.ENGINE.decide(request(action, levels(types, PolicyType.SERVICE_CONTROL, form),
        levels(types, PolicyType.RESOURCE_CONTROL, form)));
  }

  /** The Denies that apply: sure ones (whatever the unknown keys) or those that may apply. */
  private void denies(String action, List<PolicyType> types, boolean sure) {
    Function<BoundedPolicy, List<Policy>> form = b -> parts(b.denies(sure));
    Explanation explanation = BoundedPolicy.ENGINE.explain(request(action,
        levels(types, PolicyType.SERVICE_CONTROL, form), levels(types, PolicyType.RESOURCE_CONTROL, form)));
    if (explanation.decision() != Decision.EXPLICIT_DENY) {
      return;
    }
    for (StatementRef ref : explanation.deciding()) {
      OrgPolicy policy = path.policy(ref.policyId());
      BoundedPolicy.StatementInfo statement = bounded.get(policy).statement(ref, sure);
      add(new GuardrailFinding(sure ? GuardrailFinding.Kind.DENY : GuardrailFinding.Kind.MAY_DENY, ref.type(),
          statement.label(), path.levelsOf(policy.id()), statement.unknownKeys()), List.of(action));
    }
  }

  /** Levels with no Allow for the action even counting the conditional ones. */
  private void missingAllows(String action, List<PolicyType> types) {
    for (PolicyType type : types) {
      for (PolicyPath.Level level : path.levels()) {
        if (!levelAllows(action, type, level, false)) {
          add(new GuardrailFinding(GuardrailFinding.Kind.NO_ALLOW, type, "", List.of(level.targetId()), List.of()),
              List.of(action));
        }
      }
    }
  }

  /** Levels whose Allow for the action depends on unknown keys. */
  private void conditionalAllows(String action, List<PolicyType> types) {
    for (PolicyType type : types) {
      for (PolicyPath.Level level : path.levels()) {
        if (!levelAllows(action, type, level, true)) {
          List<BoundedPolicy.StatementInfo> conditional = level.ofType(type).stream()
              .flatMap(p -> bounded.get(p).conditionalAllows().stream()).toList();
          add(new GuardrailFinding(GuardrailFinding.Kind.CONDITIONAL_ALLOW, type,
              String.join(", ", conditional.stream().map(BoundedPolicy.StatementInfo::label).toList()),
              List.of(level.targetId()),
              conditional.stream().flatMap(s -> s.unknownKeys().stream()).distinct().toList()), List.of(action));
        }
      }
    }
  }

  private boolean levelAllows(String action, PolicyType type, PolicyPath.Level level, boolean sure) {
    List<List<Policy>> one = List.of(level.ofType(type).stream()
        .flatMap(p -> parts(bounded.get(p).allows(sure)).stream()).toList());
    boolean scp = type == PolicyType.SERVICE_CONTROL;
    return BoundedPolicy.ENGINE.decide(request(action, scp ? one : List.of(), scp ? List.of() : one)) == Decision.ALLOW;
  }

  private List<List<Policy>> levels(List<PolicyType> types, PolicyType type,
      Function<BoundedPolicy, List<Policy>> form) {
    if (!types.contains(type)) {
      return List.of();
    }
    return path.levels().stream()
        .map(l -> l.ofType(type).stream().flatMap(p -> form.apply(bounded.get(p)).stream()).toList()).toList();
  }

  private AuthorizationRequest request(String action, List<List<Policy>> scpLevels, List<List<Policy>> rcpLevels) {
    PolicySet set = new PolicySet(List.of(IDENTITY_ALLOWS_ALL), null, List.of(), scpLevels, rcpLevels, null, false);
    return new AuthorizationRequest(principal, action, resource, principal.accountId(), context.values(), set);
  }

  private static List<Policy> parts(Policy... policies) {
    return Stream.of(policies).filter(p -> p != null).toList();
  }

  private void add(GuardrailFinding finding, List<String> actions) {
    List<String> hit = findings.computeIfAbsent(finding, f -> new ArrayList<>());
    actions.stream().filter(a -> !hit.contains(a)).forEach(hit::add);
  }
}
