package dev.billinggate.junit5;

import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
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
      // Fails with EntityAlreadyExists unless the server was reset since the other class ran.
      gate.iam().createUser(r -> r.userName("per-test"));
    }
  }

  @EnabledIfSystemProperty(named = BillingGateExtensionTest.RUNNING_EXAMPLES, matches = "true")
  @BillingGateTest(scope = ServerScope.JVM)
  static class PerJvmTwo {
    @Test
    void only(BillingGateHandle gate) {
      SEEN.add(gate.endpoint());
      gate.iam().createUser(r -> r.userName("per-test"));
    }
  }

  @EnabledIfSystemProperty(named = BillingGateExtensionTest.RUNNING_EXAMPLES, matches = "true")
  @BillingGateTest(reset = false)
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  static class WithoutReset {
    @Test
    @Order(1)
    void creates(BillingGateHandle gate) {
      gate.iam().createUser(r -> r.userName("kept"));
    }

    @Test
    @Order(2)
    void seesWhatTheFirstCreated(BillingGateHandle gate) {
      SEEN.add(URI.create("user:" + gate.iam().getUser(r -> r.userName("kept")).user().userName()));
    }
  }

  @EnabledIfSystemProperty(named = BillingGateExtensionTest.RUNNING_EXAMPLES, matches = "true")
  @BillingGateTest(snapshot = "never-saved")
  static class MissingSnapshot {
    @Test
    void neverRuns(BillingGateHandle gate) {
      SEEN.add(gate.endpoint());
    }
  }
}
