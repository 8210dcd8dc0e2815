package dev.billinggate.policy.eval;

import dev.billinggate.policy.AuthorizationRequest;
import dev.billinggate.policy.ConditionContext;
import dev.billinggate.policy.Principal;
import dev.billinggate.policy.document.ArnSegments;
import java.util.Locale;
import java.util.Objects;

/** What every statement check needs from a request, prepared once: lowercased action, ARN bounds. */
final class EvalRequest {
  final Principal principal;
  final String action;
  final String actionLower;
  /** The action's service prefix, lowercased; the statement index is keyed by it. */
  final String service;
  final String resource;
  final ConditionContext ctx;
  final boolean sameAccount;
  private int[] resourceBounds;
  private boolean boundsComputed;

  EvalRequest(AuthorizationRequest request) {
    this.principal = request.principal();
    this.action = request.action();
    this.actionLower = action.toLowerCase(Locale.ROOT);
    int colon = actionLower.indexOf(':');
    this.service = colon < 0 ? actionLower : actionLower.substring(0, colon);
    this.resource = request.resourceArn() == null ? "*" : request.resourceArn();
    this.ctx = ConditionContext.of(request.context());
    this.sameAccount = Objects.equals(principal.accountId(), request.resourceAccount());
  }

  /** {@link ArnSegments#bounds} of the resource, or null when it is not an ARN. */
  int[] resourceBounds() {
    if (!boundsComputed) {
      resourceBounds = ArnSegments.bounds(resource, false);
      boundsComputed = true;
    }
    return resourceBounds;
  }
}
