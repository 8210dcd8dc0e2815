package dev.billinggate.policy.document;

import java.util.List;

/**
 * One statement. Exactly one of each element pair may be non-null; the parser enforces that,
 * {@link PolicyValidator} enforces which elements a {@link dev.billinggate.policy.PolicyKind} needs.
 * Value lists keep document order; a single string in the document is a one-element list.
 */
public record Statement(
    String sid,
    Effect effect,
    PrincipalBlock principal,
    PrincipalBlock notPrincipal,
    List<String> action,
    List<String> notAction,
    List<String> resource,
    List<String> notResource,
    List<ConditionEntry> condition) {

  public Statement {
    action = copy(action);
    notAction = copy(notAction);
    resource = copy(resource);
    notResource = copy(notResource);
    condition = condition == null ? List.of() : List.copyOf(condition);
  }

  private static List<String> copy(List<String> l) {
    return l == null ? null : List.copyOf(l);
  }
}
