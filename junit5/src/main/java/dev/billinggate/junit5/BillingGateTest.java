package dev.billinggate.junit5;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the annotated class against billing-gate started in-process on a free loopback port, resets
 * it (or restores a snapshot) before each test, and injects a {@link BillingGateHandle} into test and
 * lifecycle method parameters and into fields of that type. For a non-default server configuration register {@link BillingGateExtension} with
 * {@code @RegisterExtension} instead.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(BillingGateExtension.class)
public @interface BillingGateTest {
  /** Once per test class (default) or once per JVM. */
  ServerScope scope() default ServerScope.CLASS;

  /**
   * Restore this snapshot before each test instead of resetting: save it in {@code @BeforeAll}
   * with {@link BillingGateHandle#saveSnapshot}, so every test starts from the same fixture.
   */
  String snapshot() default "";

  /**
   * Reset to the first-start state before each test (default). {@code false} lets the tests of a
   * class see each other's changes; ignored when {@link #snapshot()} is set.
   */
  boolean reset() default true;
}
