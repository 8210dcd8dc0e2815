package dev.billinggate.policy;

public enum Decision {
  ALLOW,
  IMPLICIT_DENY,
  EXPLICIT_DENY
}
