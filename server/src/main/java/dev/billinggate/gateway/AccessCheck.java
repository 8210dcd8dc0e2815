package dev.billinggate.gateway;

import dev.billinggate.auth.Caller;
import dev.billinggate.service.AccessTarget;
import dev.billinggate.service.CallContext;

/** The authorization step: returns when allowed, throws an AccessDenied {@code AwsException} otherwise. */
@FunctionalInterface
public interface AccessCheck {
  void check(Caller caller, AccessTarget target, CallContext context);
}
