package dev.billinggate.policy.eval;

import dev.billinggate.policy.Principal;
import dev.billinggate.policy.PrincipalKind;

/**
 * AWS's AccessDenied text in its current form, e.g. {@code User: arn:aws:iam::1:user/a is not
 * authorized to perform: ce:GetCostAndUsage on resource: arn:... because no identity-based policy
 * allows the ce:GetCostAndUsage action}, or {@code ... with an explicit deny in a service control
 * policy}.
 */
final class AccessDeniedMessage {
  private AccessDeniedMessage() {}

  static String of(Principal principal, String action, String resource, Verdict verdict) {
    String who = principal.kind() == PrincipalKind.ANONYMOUS ? "anonymous" : principal.arn();
    String phrase = verdict.blockedBy().phrase();
    String head = "User: " + who + " is not authorized to perform: " + action + " on resource: " + resource;
    return switch (verdict.decision()) {
      case EXPLICIT_DENY -> head + " with an explicit deny in " + article(phrase) + " " + phrase;
      case IMPLICIT_DENY -> head + " because no " + phrase + " allows the " + action + " action";
      case ALLOW -> throw new IllegalArgumentException("no message for an allowed request");
    };
  }

  private static String article(String phrase) {
    return "aeiou".indexOf(phrase.charAt(0)) >= 0 ? "an" : "a";
  }
}
