package dev.billinggate.policy.eval;

import dev.billinggate.policy.document.ConditionEntry;
import dev.billinggate.policy.document.Effect;
import dev.billinggate.policy.document.Statement;
import java.util.List;
import java.util.Locale;

/** A statement ready to test against requests. Immutable; shared by all threads. */
final class CompiledStatement {
  final int index;
  final String sid;
  final boolean deny;
  /** Lowercased action patterns (IAM actions are case-insensitive); the index is built from them. */
  final List<String> actionPatterns;

  private final Glob[] actions;
  final boolean notAction;
  private final ArnPattern[] resources;
  /** Per resource: its template when it has variables, else null; null when none has. */
  private final Template[] resourceTemplates;
  private final boolean notResource;
  /** Null in policies without a Principal element. */
  private final PrincipalMatcher principal;
  private final ConditionMatcher[] conditions;

  CompiledStatement(int index, Statement s, boolean variables) {
    this.index = index;
    this.sid = s.sid();
    this.deny = s.effect() == Effect.DENY;
    this.notAction = s.notAction() != null;
    List<String> actionList = notAction ? s.notAction() : s.action();
    this.actionPatterns = actionList.stream().map(a -> a.toLowerCase(Locale.ROOT)).toList();
    this.actions = actionPatterns.stream().map(Glob::compile).toArray(Glob[]::new);
    this.notResource = s.notResource() != null;
    List<String> resourceList = notResource ? s.notResource() : s.resource();
    if (resourceList == null) {
      // Trust policies have no Resource: they apply to the role they are attached to.
      resourceList = List.of("*");
    }
    this.resources = new ArnPattern[resourceList.size()];
    Template[] templates = new Template[resourceList.size()];
    boolean templated = false;
    for (int i = 0; i < resources.length; i++) {
      String r = resourceList.get(i);
      templates[i] = variables ? Template.parse(r) : null;
      templated |= templates[i] != null;
      resources[i] = templates[i] == null ? ArnPattern.compile(r) : null;
    }
    this.resourceTemplates = templated ? templates : null;
    if (s.principal() != null) {
      principal = new PrincipalMatcher(s.principal(), false);
    } else if (s.notPrincipal() != null) {
      principal = new PrincipalMatcher(s.notPrincipal(), true);
    } else {
      principal = null;
    }
    this.conditions =
        s.condition().stream().map((ConditionEntry e) -> ConditionMatcher.compile(e, variables)).toArray(ConditionMatcher[]::new);
  }


  /**
   * How this statement applies to {@code r}: {@link PrincipalMatcher#NONE} when it does not, else
   * the principal grant level ({@link PrincipalMatcher#DIRECT} for policies without Principal).
   */
  int applies(EvalRequest r) {
    if (!actionMatches(r.actionLower)) {
      return PrincipalMatcher.NONE;
    }
    int grant = principal == null ? PrincipalMatcher.DIRECT : principal.grant(r.principal);
    if (grant == PrincipalMatcher.NONE || !resourceMatches(r)) {
      return PrincipalMatcher.NONE;
    }
    for (ConditionMatcher c : conditions) {
      if (!c.test(r.ctx)) {
        return PrincipalMatcher.NONE;
      }
    }
    return grant;
  }

  private boolean actionMatches(String action) {
    for (Glob g : actions) {
      if (g.matches(action)) {
        return !notAction;
      }
    }
    return notAction;
  }

  private boolean resourceMatches(EvalRequest r) {
    for (int i = 0; i < resources.length; i++) {
      ArnPattern p = resources[i];
      if (p == null) {
        List<Template.Chunk> chunks = resourceTemplates[i].resolve(r.ctx);
        if (chunks == null) {
          // "An ARN with an unresolvable variable matches no resource."
          continue;
        }
        p = ArnPattern.compile(chunks);
      }
      if (p.matches(r.resource)) {
        return !notResource;
      }
    }
    return notResource;
  }
}
