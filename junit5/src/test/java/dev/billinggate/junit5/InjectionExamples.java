package dev.billinggate.junit5;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** Every place a handle can be injected, recorded for {@link BillingGateExtensionTest}. */
final class InjectionExamples {
  static final List<Object> SEEN = new CopyOnWriteArrayList<>();

  private InjectionExamples() {}

  static class Base {
    BillingGateHandle inherited;
  }

  @EnabledIfSystemProperty(named = BillingGateExtensionTest.RUNNING_EXAMPLES, matches = "true")
  @BillingGateTest
  static class EveryWay extends Base {
    static BillingGateHandle staticField;
    BillingGateHandle field;
    final BillingGateHandle constructed;

    EveryWay(BillingGateHandle gate) {
      this.constructed = gate;
    }

    @BeforeAll
    static void beforeAll(BillingGateHandle gate) {
      SEEN.add(gate);
      SEEN.add(staticField);
    }

    @BeforeEach
    void beforeEach(BillingGateHandle gate) {
      SEEN.add(gate);
    }

    @Test
    void test(BillingGateHandle gate) {
      SEEN.addAll(List.of(gate, field, inherited, constructed));
    }
  }

  /** Without @BillingGateTest a parameter of the handle type is not resolvable. */
  @EnabledIfSystemProperty(named = BillingGateExtensionTest.RUNNING_EXAMPLES, matches = "true")
  static class NotAnnotated {
    @Test
    void test(BillingGateHandle gate) {
      SEEN.add(gate);
    }
  }
}
