package dev.billinggate.policy.eval;

import dev.billinggate.policy.Decision;
import dev.billinggate.policy.PolicyType;

/** A decision and the policy type that blocked it; every value is a shared constant (no allocation). */
record Verdict(Decision decision, PolicyType blockedBy) {
  static final Verdict ALLOW = new Verdict(Decision.ALLOW, null);
  private static final Verdict[] IMPLICIT = of(Decision.IMPLICIT_DENY);
  private static final Verdict[] EXPLICIT = of(Decision.EXPLICIT_DENY);

  private static Verdict[] of(Decision d) {
    PolicyType[] types = PolicyType.values();
    Verdict[] out = new Verdict[types.length];
    for (PolicyType t : types) {
      out[t.ordinal()] = new Verdict(d, t);
    }
    return out;
  }

  static Verdict implicitDeny(PolicyType t) {
    return IMPLICIT[t.ordinal()];
  }

  static Verdict explicitDeny(PolicyType t) {
    return EXPLICIT[t.ordinal()];
  }
}
