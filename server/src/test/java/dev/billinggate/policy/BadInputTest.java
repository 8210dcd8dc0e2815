package dev.billinggate.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.billinggate.policy.eval.DefaultPolicyEngine;
import java.time.Duration;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * Hostile documents and requests: only PolicyException, and never a hang. The limit catches runaway
 * matching (seconds to forever), not speed: speed is measured by the JMH benchmarks, and a tight
 * limit failed on a loaded 2-core machine.
 */
class BadInputTest {
  private static final Duration FAST = Duration.ofSeconds(30);
  private final PolicyEngine engine = new DefaultPolicyEngine();

  private void rejected(String json, PolicyKind kind, PolicyException.Reason reason) {
    assertTimeoutPreemptively(FAST, () ->
        assertThatThrownBy(() -> engine.compile("p", json, kind))
            .isInstanceOfSatisfying(PolicyException.class, e -> assertThat(e.reason()).isEqualTo(reason)));
  }

  @Test
  void deepNesting() {
    rejected("[".repeat(200_000), PolicyKind.AWS_MANAGED, PolicyException.Reason.MALFORMED);
    rejected("{\"a\":".repeat(100_000), PolicyKind.AWS_MANAGED, PolicyException.Reason.MALFORMED);
    String deepCondition = "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\",\"Condition\":"
        + "{\"x\":".repeat(50) + "1" + "}".repeat(50) + "}}";
    rejected(deepCondition, PolicyKind.AWS_MANAGED, PolicyException.Reason.MALFORMED);
  }

  @Test
  void tenMegabytes() {
    String huge = "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"" + "a".repeat(10_000_000) + "\",\"Resource\":\"*\"}}";
    rejected(huge, PolicyKind.MANAGED, PolicyException.Reason.SIZE_LIMIT_EXCEEDED);
    rejected(huge, PolicyKind.AWS_MANAGED, PolicyException.Reason.MALFORMED);
    rejected(" ".repeat(10_000_000), PolicyKind.MANAGED, PolicyException.Reason.MALFORMED);
  }

  @Test
  void oddJson() {
    for (String json : List.of("", "null", "1", "\"s\"", "{}", "{\"Statement\":null}", "{\"Version\":\"2012-10-17\",\"Statement\":[1]}",
        "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\",\"Condition\":{\"NumericEquals\":{\"s3:max-keys\":1e99999}}}}",
        "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":null,\"Resource\":\"*\"}}",
        "{\"Version\":\"2012-10-17\",\"Statement\":{}} trailing", "\u0000", "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"\uD800\"}}")) {
      rejected(json, PolicyKind.AWS_MANAGED, PolicyException.Reason.MALFORMED);
    }
    assertThatThrownBy(() -> engine.compile("p", null, PolicyKind.MANAGED)).isInstanceOf(PolicyException.class);
  }

  @Test
  void thousandsOfWildcardsEvaluateFast() {
    String pattern = "*a".repeat(1_000) + "*b";
    String json = "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:" + pattern
        + "\",\"Resource\":\"arn:aws:s3:::" + pattern + "\",\"Condition\":{\"StringLike\":{\"aws:x\":\"" + pattern + "\"}}}}";
    Policy p = engine.compile("p", json, PolicyKind.AWS_MANAGED);
    String text = "a".repeat(100_000);
    AuthorizationRequest r = new AuthorizationRequest(
        new Principal(PrincipalKind.IAM_USER, "arn:aws:iam::111111111111:user/a", "111111111111", null, false),
        "s3:" + text, "arn:aws:s3:::" + text, "111111111111",
        ConditionContext.builder().put("aws:x", text).build(),
        new PolicySet(List.of(p), null, List.of(), List.of(), List.of(), null, false));
    assertTimeoutPreemptively(FAST, () -> assertThat(engine.decide(r)).isEqualTo(Decision.IMPLICIT_DENY));
  }

  @Provide
  Arbitrary<String> garbage() {
    Arbitrary<String> fragments = Arbitraries.of("{", "}", "[", "]", ",", ":", "\"Version\"", "\"2012-10-17\"", "\"Statement\"", "\"Effect\"",
        "\"Allow\"", "\"Deny\"", "\"Action\"", "\"*\"", "\"Resource\"", "\"Condition\"", "\"StringLike\"", "\"Principal\"", "\"AWS\"", "1", "true", "null",
        "\"arn:aws:s3:::b/${aws:username}\"", "\"${\"", "\"iam:*\"");
    return fragments.list().ofMaxSize(40).map(l -> String.join("", l));
  }

  @Property(tries = 2000)
  void garbageOnlyEverThrowsPolicyException(@ForAll("garbage") String json) {
    for (PolicyKind kind : PolicyKind.values()) {
      try {
        engine.compile("p", json, kind);
      } catch (PolicyException expected) {
        // the only acceptable failure
      }
    }
  }
}
