package dev.billinggate.policy.eval;

import dev.billinggate.policy.document.Effect;
import dev.billinggate.policy.document.Statement;

/** A statement ready to test against requests. Immutable; shared by all threads. */
final class CompiledStatement {
  final int index;
  final String sid;
  final boolean deny;
  final ActionMatcher actions;
  private final ResourceMatcher resources;
  /** Null in policies without a Principal element. */
  private final PrincipalMatcher principal;
  private final ConditionMatcher[] conditions;

  CompiledStatement(int index, Statement s, boolean variables) {
    this.index = index;
    this.sid = s.sid();
    this.deny = s.effect() == Effect.DENY;
    boolean notAction = s.notAction() != null;
    this.actions = new ActionMatcher(notAction ? s.notAction() : s.action(), notAction);
    boolean notResource = s.notResource() != null;
    this.resources = s.resource() == null && s.notResource() == null
        ? ResourceMatcher.ANY
        : new ResourceMatcher(notResource ? s.notResource() : s.resource(), notResource, variables);
    if (s.principal() != null) {
      principal = new PrincipalMatcher(s.principal(), false);
    } else if (s.notPrincipal() != null) {
      principal = new PrincipalMatcher(s.notPrincipal(), true);
    } else {
      principal = null;
    }
    this.conditions = s.condition().stream().map(e -> ConditionMatcher.compile(e, variables)).toArray(ConditionMatcher[]::new);
  }

  /**
   * How this statement applies to {@code r}: {@link PrincipalMatcher#NONE} when it does not, else
   * the principal grant level ({@link PrincipalMatcher#DIRECT} for policies without Principal).
   */
  int applies(EvalRequest r) {
    if (!actions.matches(r)) {
      return PrincipalMatcher.NONE;
    }
    int grant = principal == null ? PrincipalMatcher.DIRECT : principal.grant(r.principal);
    if (grant == PrincipalMatcher.NONE || !resources.matches(r)) {
      return PrincipalMatcher.NONE;
    }
    for (ConditionMatcher c : conditions) {
      if (!c.test(r.ctx)) {
        return PrincipalMatcher.NONE;
      }
    }
    return grant;
  }
}
