package dev.billinggate.junit5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/** The extension's lifecycle and injection, observed by running example classes through the JUnit test kit. */
class BillingGateExtensionTest {
  /** Set while the test kit runs the examples, so that they never run on their own. */
  static final String RUNNING_EXAMPLES = "billing-gate.running-examples";

  @BeforeEach
  void forget() {
    ScopeExamples.SEEN.clear();
    InjectionExamples.SEEN.clear();
  }

  private static Events run(Class<?>... classes) {
    var kit = EngineTestKit.engine("junit-jupiter");
    for (Class<?> type : classes) {
      kit.selectors(selectClass(type));
    }
    System.setProperty(RUNNING_EXAMPLES, "true");
    try {
      return kit.execute().testEvents();
    } finally {
      System.clearProperty(RUNNING_EXAMPLES);
    }
  }

  private static boolean listening(URI endpoint) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(endpoint.getHost(), endpoint.getPort()), 1000);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  @Test
  void aClassScopedServerServesOneClassAndItsNestedClassesThenStops() {
    run(ScopeExamples.PerClassOne.class, ScopeExamples.PerClassTwo.class)
        .assertStatistics(s -> s.succeeded(4).failed(0));
    List<URI> seen = ScopeExamples.SEEN;
    assertThat(seen).hasSize(4);
    URI two = seen.get(3);
    assertThat(seen.subList(0, 3)).containsOnly(seen.get(0)).doesNotContain(two);
    assertThat(seen.get(0).getHost()).isEqualTo("127.0.0.1");
    assertThat(seen).noneMatch(BillingGateExtensionTest::listening);
  }

  @Test
  void aJvmScopedServerIsSharedByEveryClassOfTheRunResetBetweenThemAndStopsAtItsEnd() {
    run(ScopeExamples.PerJvmOne.class, ScopeExamples.PerJvmTwo.class)
        .assertStatistics(s -> s.succeeded(2).failed(0));
    List<URI> seen = ScopeExamples.SEEN;
    assertThat(seen).hasSize(2);
    assertThat(seen.get(1)).isEqualTo(seen.get(0));
    assertThat(listening(seen.get(0))).isFalse();
  }

  @Test
  void withoutResetTheTestsOfAClassSeeEachOthersChanges() {
    run(ScopeExamples.WithoutReset.class).assertStatistics(s -> s.succeeded(2).failed(0));
    assertThat(ScopeExamples.SEEN).containsExactly(URI.create("user:kept"));
  }

  @Test
  void aSnapshotThatWasNeverSavedFailsTheTestWithItsName() {
    run(ScopeExamples.MissingSnapshot.class).assertStatistics(s -> s.failed(1))
        .failed().assertThatEvents().singleElement().satisfies(event -> assertThat(
            event.getPayload(TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow())
            .isInstanceOf(NoSuchElementException.class).hasMessageContaining("never-saved"));
    assertThat(ScopeExamples.SEEN).isEmpty();
  }

  @Test
  void theHandleReachesParametersFieldsAndConstructors() {
    run(InjectionExamples.EveryWay.class).assertStatistics(s -> s.succeeded(1).failed(0));
    // @BeforeAll parameter and static field, @BeforeEach parameter, then test parameter, field,
    // inherited field and constructor parameter: one handle throughout.
    assertThat(InjectionExamples.SEEN).hasSize(7).doesNotContainNull();
    assertThat(InjectionExamples.SEEN).containsOnly(InjectionExamples.SEEN.get(0));
  }

  @Test
  void withoutTheExtensionTheHandleIsNotResolved() {
    run(InjectionExamples.NotAnnotated.class).assertStatistics(s -> s.failed(1))
        .failed().assertThatEvents().singleElement().satisfies(event -> assertThat(
            event.getPayload(TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow())
            .isInstanceOf(ParameterResolutionException.class));
  }
}
