package dev.billinggate.policy.eval;

import dev.billinggate.policy.AlwaysAllowed;
import dev.billinggate.policy.AuthorizationRequest;
import dev.billinggate.policy.Decision;
import dev.billinggate.policy.Explanation;
import dev.billinggate.policy.Policy;
import dev.billinggate.policy.PolicyEngine;
import dev.billinggate.policy.PolicyException;
import dev.billinggate.policy.PolicyKind;
import dev.billinggate.policy.PolicySet;
import dev.billinggate.policy.PolicyType;
import dev.billinggate.policy.PrincipalKind;
import dev.billinggate.policy.StatementRef;
import dev.billinggate.policy.document.PolicyDocument;
import dev.billinggate.policy.document.PolicyParser;
import dev.billinggate.policy.document.PolicySize;
import dev.billinggate.policy.document.PolicyValidator;
import java.util.List;
import java.util.Objects;

/**
 * The policy engine: AWS's evaluation logic over compiled policies (decision flow in
 * docs/policy-engine.md). Stateless and thread-safe; {@code decide} allocates only the small
 * per-request {@link EvalRequest} (plus a context copy when the request's context is not a
 * {@link dev.billinggate.policy.ConditionContext}).
 */
public final class DefaultPolicyEngine implements PolicyEngine {
  public DefaultPolicyEngine() {}

  @Override
  public Policy compile(String id, String json, PolicyKind kind) {
    Objects.requireNonNull(kind, "kind");
    if (json == null) {
      throw new PolicyException(PolicyException.Reason.MALFORMED, "Syntax errors in policy.");
    }
    // Size first: it is a linear scan and turns away oversized input before any parsing.
    PolicySize.check(kind, json, entityName(id));
    PolicyDocument doc = PolicyParser.parse(json, PolicyValidator.notJsonMessage(kind));
    PolicyValidator.validate(doc, kind);
    return new CompiledPolicy(id, kind, json, doc);
  }

  /** Inline policy ids look like {@code user/alice/inline/Name}; AWS's quota message names alice. */
  private static String entityName(String id) {
    if (id == null) {
      return "";
    }
    String[] parts = id.split("/", 3);
    return parts.length >= 2 && List.of("user", "group", "role").contains(parts[0]) ? parts[1] : id;
  }

  @Override
  public Decision decide(AuthorizationRequest request) {
    return evaluate(new EvalRequest(request), request.policies(), null).decision();
  }

  @Override
  public Explanation explain(AuthorizationRequest request) {
    EvalRequest r = new EvalRequest(request);
    Trace trace = new Trace();
    Verdict v = evaluate(r, request.policies(), trace);
    List<StatementRef> deciding =
        switch (v.decision()) {
          case EXPLICIT_DENY -> trace.denies;
          case ALLOW -> trace.allows.stream()
              .filter(s -> s.type() == PolicyType.IDENTITY || s.type() == PolicyType.RESOURCE)
              .toList();
          case IMPLICIT_DENY -> List.of();
        };
    String denyingPolicy = trace.denies.stream().filter(ref -> ref.type() == v.blockedBy()).map(StatementRef::policyId).findFirst().orElse(null);
    String message = v.decision() == Decision.ALLOW ? null : AccessDeniedMessage.of(r, v, denyingPolicy);
    return new Explanation(v.decision(), v.blockedBy(), deciding, message);
  }

  /**
   * Explicit denies are looked for in a fixed order (SCPs, RCPs, identity, boundary, session,
   * resource policy): the first type found is reported. Without a trace the first one ends the
   * evaluation.
   */
  private static Verdict evaluate(EvalRequest r, PolicySet ps, Trace trace) {
    if (AlwaysAllowed.is(r.actionLower)) {
      return Verdict.ALLOW;
    }
    PolicyType denied = null;
    int scp = scpApplies(r, ps) ? evaluateLevels(ps.scpLevels(), r, PolicyType.SERVICE_CONTROL, trace) : PrincipalMatcher.DIRECT;
    denied = firstDeny(denied, scp, PolicyType.SERVICE_CONTROL);
    if (denied != null && trace == null) {
      return Verdict.explicitDeny(denied);
    }
    int rcp = rcpApplies(r, ps) ? evaluateLevels(ps.rcpLevels(), r, PolicyType.RESOURCE_CONTROL, trace) : PrincipalMatcher.DIRECT;
    denied = firstDeny(denied, rcp, PolicyType.RESOURCE_CONTROL);
    if (denied != null && trace == null) {
      return Verdict.explicitDeny(denied);
    }
    int identity = evaluateAll(ps.identity(), r, PolicyType.IDENTITY, trace);
    denied = firstDeny(denied, identity, PolicyType.IDENTITY);
    if (denied != null && trace == null) {
      return Verdict.explicitDeny(denied);
    }
    int boundary = evaluateOne(ps.boundary(), r, PolicyType.PERMISSIONS_BOUNDARY, trace);
    denied = firstDeny(denied, boundary, PolicyType.PERMISSIONS_BOUNDARY);
    if (denied != null && trace == null) {
      return Verdict.explicitDeny(denied);
    }
    int session = evaluateAll(ps.session(), r, PolicyType.SESSION, trace);
    denied = firstDeny(denied, session, PolicyType.SESSION);
    int resource = evaluateOne(ps.resourcePolicy(), r, PolicyType.RESOURCE, trace);
    denied = firstDeny(denied, resource, PolicyType.RESOURCE);
    if (denied != null) {
      return Verdict.explicitDeny(denied);
    }
    if ((scp & CompiledPolicy.GRANT) == 0) {
      return Verdict.implicitDeny(PolicyType.SERVICE_CONTROL);
    }
    if ((rcp & CompiledPolicy.GRANT) == 0) {
      return Verdict.implicitDeny(PolicyType.RESOURCE_CONTROL);
    }
    return allowPhase(r, ps, identity & CompiledPolicy.GRANT, boundary & CompiledPolicy.GRANT,
        session & CompiledPolicy.GRANT, resource & CompiledPolicy.GRANT);
  }

  private static PolicyType firstDeny(PolicyType deniedSoFar, int result, PolicyType type) {
    return deniedSoFar == null && (result & CompiledPolicy.DENY) != 0 ? type : deniedSoFar;
  }

  /**
   * RCPs limit resources of member accounts (the caller passes no levels for others). AWS states
   * they do not restrict service-linked roles.
   */
  private static boolean rcpApplies(EvalRequest r, PolicySet ps) {
    return !ps.rcpLevels().isEmpty() && r.principal.kind() != PrincipalKind.SERVICE_LINKED_ROLE_SESSION;
  }

  /**
   * SCPs limit principals of member accounts: not the management account, not service-linked
   * roles, not service principals or anonymous callers (who belong to no account).
   */
  private static boolean scpApplies(EvalRequest r, PolicySet ps) {
    if (ps.scpLevels().isEmpty() || r.principal.managementAccount()) {
      return false;
    }
    return switch (r.principal.kind()) {
      case SERVICE_LINKED_ROLE_SESSION, SERVICE, ANONYMOUS, FEDERATED_IDENTITY -> false;
      case ROOT, IAM_USER, ROLE_SESSION, FEDERATED_USER, ASSUMED_ROOT -> true;
    };
  }

  /** After no explicit deny and the guardrails allowed: who grants the request (reference §1.2–1.4). */
  private static Verdict allowPhase(EvalRequest r, PolicySet ps, int identity, int boundary, int session, int resource) {
    PrincipalKind kind = r.principal.kind();
    if (ps.resourcePolicyRequired() && resource == PrincipalMatcher.NONE) {
      return Verdict.implicitDeny(PolicyType.RESOURCE);
    }
    switch (kind) {
      case SERVICE, ANONYMOUS, FEDERATED_IDENTITY -> {
        return resource != PrincipalMatcher.NONE ? Verdict.ALLOW : Verdict.implicitDeny(PolicyType.RESOURCE);
      }
      case ROOT, ASSUMED_ROOT -> {
        // The root user's implicit full access covers its own account; elsewhere a resource policy must allow.
        return r.sameAccount || resource != PrincipalMatcher.NONE ? Verdict.ALLOW : Verdict.implicitDeny(PolicyType.RESOURCE);
      }
      default -> {}
    }
    if (r.sameAccount && resource == PrincipalMatcher.DIRECT) {
      return Verdict.ALLOW;
    }
    boolean identityAllows = identity != PrincipalMatcher.NONE || (r.sameAccount && resource == PrincipalMatcher.VIA_ISSUER);
    if (!identityAllows) {
      return Verdict.implicitDeny(PolicyType.IDENTITY);
    }
    if (ps.boundary() != null && boundary == PrincipalMatcher.NONE) {
      return Verdict.implicitDeny(PolicyType.PERMISSIONS_BOUNDARY);
    }
    // A federated session without a session policy has no permissions; a role session without one
    // keeps the role's.
    boolean sessionRequired = kind == PrincipalKind.FEDERATED_USER || !ps.session().isEmpty();
    if (sessionRequired && session == PrincipalMatcher.NONE) {
      return Verdict.implicitDeny(PolicyType.SESSION);
    }
    if (!r.sameAccount && resource == PrincipalMatcher.NONE) {
      return Verdict.implicitDeny(PolicyType.RESOURCE);
    }
    return Verdict.ALLOW;
  }

  /**
   * Organization policy levels: {@link CompiledPolicy#DENY} when any level denies, and a grant only
   * when every level (root, each OU, the account) has an Allow.
   */
  private static int evaluateLevels(List<List<Policy>> levels, EvalRequest r, PolicyType type, Trace trace) {
    int result = PrincipalMatcher.DIRECT;
    for (int i = 0, n = levels.size(); i < n; i++) {
      int level = evaluateAll(levels.get(i), r, type, trace);
      if ((level & CompiledPolicy.GRANT) == 0) {
        result &= CompiledPolicy.DENY;
      }
      result |= level & CompiledPolicy.DENY;
      if ((result & CompiledPolicy.DENY) != 0 && trace == null) {
        return result;
      }
    }
    return result;
  }

  private static int evaluateAll(List<Policy> policies, EvalRequest r, PolicyType type, Trace trace) {
    int result = 0;
    for (int i = 0, n = policies.size(); i < n; i++) {
      int res = compiled(policies.get(i)).evaluate(r, type, trace);
      result = (result & CompiledPolicy.DENY) | (res & CompiledPolicy.DENY) | Math.max(result & CompiledPolicy.GRANT, res & CompiledPolicy.GRANT);
      if ((result & CompiledPolicy.DENY) != 0 && trace == null) {
        return result;
      }
    }
    return result;
  }

  private static int evaluateOne(Policy policy, EvalRequest r, PolicyType type, Trace trace) {
    return policy == null ? 0 : compiled(policy).evaluate(r, type, trace);
  }

  private static CompiledPolicy compiled(Policy p) {
    if (p instanceof CompiledPolicy c) {
      return c;
    }
    throw new IllegalArgumentException("not compiled by DefaultPolicyEngine: " + p);
  }
}
