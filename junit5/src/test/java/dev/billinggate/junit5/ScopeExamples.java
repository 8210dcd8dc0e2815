package dev.billinggate.junit5;

import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Test classes that {@link BillingGateExtensionTest} runs through the JUnit Platform test kit: each
 * records the endpoint it was given, so the test can tell which classes shared a server. Not run on
 * their own (the file name matches no surefire include).
 */
final class ScopeExamples {
  static final List<URI> SEEN = new CopyOnWriteArrayList<>();

  private ScopeExamples() {}

  @EnabledIfSystemProperty(named = BillingGateExtensionTest.RUNNING_EXAMPLES, matches = "true")
  @BillingGateTest
  static class PerClassOne {
    @Test
    void first(BillingGateHandle gate) {
      SEEN.add(gate.endpoint());
    }

    @Test
    void second(BillingGateHandle gate) {
      SEEN.add(gate.endpoint());
    }

    @Nested
    class Inner {
      @Test
      void nested(BillingGateHandle gate) {
        SEEN.add(gate.endpoint());
      }
    }
  }

  @EnabledIfSystemProperty(named = BillingGateExtensionTest.RUNNING_EXAMPLES, matches = "true")
  @BillingGateTest
  static class PerClassTwo {
    @Test
    void only(BillingGateHandle gate) {
      SEEN.add(gate.endpoint());
    }
  }

  @EnabledIfSystemProperty(named = BillingGateExtensionTest.RUNNING_EXAMPLES, matches = "true")
  @BillingGateTest(scope = ServerScope.JVM)
  static class PerJvmOne {
    @Test
    void only(BillingGateHandle gate) {
      SEEN.add(gate.endpoint());
    }
  }

  @EnabledIfSystemProperty(named = BillingGateExtensionTest.RUNNING_EXAMPLES, matches = "true")
  @BillingGateTest(scope = ServerScope.JVM)
  static class PerJvmTwo {
    @Test
    void only(BillingGateHandle gate) {
      SEEN.add(gate.endpoint());
    }
  }
}
