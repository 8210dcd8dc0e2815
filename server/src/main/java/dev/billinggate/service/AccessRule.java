package dev.billinggate.service;

/**
 * Says what must be authorized before an operation runs. Returning more than the action and resource
 * (resource policy, tags, condition keys) is how an operation gets AWS's exact authorization.
 */
@FunctionalInterface
public interface AccessRule<I> {
  AccessTarget target(I request, CallContext context);
}
