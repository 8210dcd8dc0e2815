package dev.billinggate.service;

/** The behaviour of one AWS operation: typed SDK request in, typed SDK response out. */
@FunctionalInterface
public interface Operation<I, O> {
  O handle(I request, CallContext context);
}
