package dev.billinggate.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.billinggate.core.ServiceId;
import dev.billinggate.model.ServiceModel;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.account.model.PutAccountNameRequest;
import software.amazon.awssdk.services.budgets.model.CreateSubscriberRequest;
import software.amazon.awssdk.services.budgets.model.Subscriber;
import software.amazon.awssdk.services.iam.model.CreatePolicyRequest;
import software.amazon.awssdk.services.iam.model.ListUsersRequest;

class InputValidatorTest {
  private static final InputValidator IAM = new InputValidator(ServiceModel.of(ServiceId.IAM));

  @Test
  void validInputHasNoViolations() {
    assertThat(IAM.violations("CreatePolicy", CreatePolicyRequest.builder().policyName("p").policyDocument("{}").build()))
        .isEmpty();
  }

  @Test
  void numberRangeWording() {
    List<Violation> violations = IAM.violations("ListUsers", ListUsersRequest.builder().maxItems(0).build());
    assertThat(violations).extracting(Violation::sentence).containsExactly(
        "Value '0' at 'maxItems' failed to satisfy constraint: Member must have value greater than or equal to 1");
  }

  @Test
  void sensitiveValuesAreNotEchoed() {
    List<Violation> violations = new InputValidator(ServiceModel.of(ServiceId.ACCOUNT))
        .violations("PutAccountName", PutAccountNameRequest.builder().accountName("").build());
    assertThat(violations).extracting(Violation::sentence).containsExactly(
        "Value at 'accountName' failed to satisfy constraint: Member must have length greater than or equal to 1");
  }

  @Test
  void hostileInputCannotMakeAPatternBacktrackForLong() {
    // Budgets' SubscriberAddress pattern (.*[\n\r\t\f\ ]?)* backtracks exponentially on a trailing line separator.
    String hostile = "a".repeat(5_000) + "\u2028";
    CreateSubscriberRequest request = CreateSubscriberRequest.builder().accountId("111122223333").budgetName("b")
        .notification(n -> n.notificationType("ACTUAL").comparisonOperator("GREATER_THAN").threshold(80.0))
        .subscriber(Subscriber.builder().subscriptionType("EMAIL").address(hostile).build()).build();

    long start = System.nanoTime();
    List<Violation> violations = new InputValidator(ServiceModel.of(ServiceId.BUDGETS)).violations("CreateSubscriber", request);

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
    assertThat(violations).extracting(Violation::path).containsExactly("subscriber.address");
  }

  @Test
  void longPolicyDocumentsAreStillPatternChecked() {
    String document = "{" + " ".repeat(100_000) + "\u0001}";
    assertThat(IAM.violations("CreatePolicy", CreatePolicyRequest.builder().policyName("p").policyDocument(document).build()))
        .extracting(Violation::kind).containsExactly(Violation.Kind.PATTERN);
  }

  @Test
  void messageCountsAndJoins() {
    Violation a = new Violation(Violation.Kind.REQUIRED, "a", null, "Member must not be null");
    Violation b = new Violation(Violation.Kind.ENUM, "b", "x", "Member must satisfy enum value set: [Y]");
    assertThat(ValidationFailures.coralMessage(List.of(a))).isEqualTo(
        "1 validation error detected: Value null at 'a' failed to satisfy constraint: Member must not be null");
    assertThat(ValidationFailures.coralMessage(List.of(a, b))).isEqualTo("2 validation errors detected: "
        + "Value null at 'a' failed to satisfy constraint: Member must not be null; "
        + "Value 'x' at 'b' failed to satisfy constraint: Member must satisfy enum value set: [Y]");
  }
}
