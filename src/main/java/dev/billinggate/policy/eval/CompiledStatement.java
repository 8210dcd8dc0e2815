package dev.billinggate.policy.eval;

import dev.billinggate.policy.document.ConditionEntry;
import dev.billinggate.policy.document.Effect;
import dev.billinggate.policy.document.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A statement ready to test against requests. Immutable; shared by all threads. */
final class CompiledStatement {
  final int index;
  final String sid;
  final boolean deny;
  /** Lowercased action patterns (IAM actions are case-insensitive); the index is built from them. */
  final List<String> actionPatterns;

  private final Glob[] actions;
  /**
   * For long action lists (AWS managed read-only policies list thousands): the patterns per literal
   * service prefix, each followed by the patterns that match any service; null for short lists.
   */
  private final Map<String, Glob[]> actionsByService;
  private final Glob[] anyServiceActions;
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
    if (actions.length > INDEX_THRESHOLD) {
      Map<String, List<Glob>> byService = new HashMap<>();
      List<Glob> anyService = new ArrayList<>();
      for (int i = 0; i < actions.length; i++) {
        String prefix = servicePrefix(actionPatterns.get(i));
        if (prefix == null) {
          anyService.add(actions[i]);
        } else {
          byService.computeIfAbsent(prefix, k -> new ArrayList<>()).add(actions[i]);
        }
      }
      this.anyServiceActions = anyService.toArray(Glob[]::new);
      this.actionsByService = new HashMap<>();
      byService.forEach((service, globs) -> {
        globs.addAll(anyService);
        actionsByService.put(service, globs.toArray(Glob[]::new));
      });
    } else {
      this.actionsByService = null;
      this.anyServiceActions = null;
    }
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


  private static final int INDEX_THRESHOLD = 16;

  /** The literal service prefix of an action pattern, or null when it can match any service. */
  static String servicePrefix(String pattern) {
    int colon = pattern.indexOf(':');
    if (colon < 0) {
      return null;
    }
    String prefix = pattern.substring(0, colon);
    return prefix.indexOf('*') >= 0 || prefix.indexOf('?') >= 0 ? null : prefix;
  }

  /**
   * How this statement applies to {@code r}: {@link PrincipalMatcher#NONE} when it does not, else
   * the principal grant level ({@link PrincipalMatcher#DIRECT} for policies without Principal).
   */
  int applies(EvalRequest r) {
    if (!actionMatches(r)) {
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

  private boolean actionMatches(EvalRequest r) {
    Glob[] candidates = actionsByService == null ? actions : actionsByService.getOrDefault(r.service, anyServiceActions);
    for (Glob g : candidates) {
      if (g.matches(r.actionLower)) {
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
