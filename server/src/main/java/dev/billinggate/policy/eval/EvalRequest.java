package dev.billinggate.policy.eval;

import dev.billinggate.policy.AuthorizationRequest;
import dev.billinggate.policy.ConditionContext;
import dev.billinggate.policy.Principal;

/** What every statement check needs from a request, prepared once. */
final class EvalRequest {
  final Principal principal;
  final String action;
  final String actionLower;
  /** The action's service prefix, lowercased; the statement index is keyed by it. */
  final String service;
  final String resource;
  final ConditionContext ctx;
  final boolean sameAccount;

  EvalRequest(AuthorizationRequest request) {
    this.principal = request.principal();
    this.action = request.action();
    ActionName name = ActionName.of(action);
    this.actionLower = name.lower();
    this.service = name.service();
    this.resource = request.resourceArn() == null ? "*" : request.resourceArn();
    this.ctx = ConditionContext.of(request.context());
    // A principal of no account (anonymous, a service) is never in the resource's account.
    this.sameAccount = principal.accountId() != null && principal.accountId().equals(request.resourceAccount());
  }

}
