package dev.billinggate.junit5;

/** How long one billing-gate server lives, and so which tests share it. */
public enum ServerScope {
  /** One server per top-level test class (its {@code @Nested} classes included), stopped after it. */
  CLASS,
  /**
   * One server for the whole JVM (every class with this scope and the same configuration), stopped
   * when the test run ends. The per-test reset keeps the tests apart; the start is paid once.
   */
  JVM
}
