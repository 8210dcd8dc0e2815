package dev.billinggate.it;

import static dev.billinggate.junit5.BillingGateHandle.ACCOUNT;
import static dev.billinggate.junit5.BillingGateHandle.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.billinggate.junit5.BillingGateHandle;
import dev.billinggate.junit5.BillingGateTest;
import java.math.BigDecimal;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.budgets.BudgetsClient;
import software.amazon.awssdk.services.budgets.model.AccessDeniedException;
import software.amazon.awssdk.services.budgets.model.Budget;
import software.amazon.awssdk.services.budgets.model.DuplicateRecordException;
import software.amazon.awssdk.services.budgets.model.NotFoundException;
import software.amazon.awssdk.services.budgets.model.Notification;
import software.amazon.awssdk.services.budgets.model.Subscriber;

/** AWS Budgets through the AWS SDK for Java v2. */
@BillingGateTest
class BudgetsIntegrationTest {
  static BillingGateHandle emulator;
  static BudgetsClient budgets;

  @BeforeAll
  static void start() {
    budgets = emulator.budgets(ADMIN);
  }

  private static Budget monthly(String name, String amount) {
    return Budget.builder().budgetName(name).budgetType("COST").timeUnit("MONTHLY")
        .budgetLimit(s -> s.amount(new BigDecimal(amount)).unit("USD")).build();
  }

  @Test
  void budgetsAreCreatedWithCalculatedSpendAndDefaults() {
    budgets.createBudget(r -> r.accountId(ACCOUNT).budget(monthly("monthly", "100")));
    Budget b = budgets.describeBudget(r -> r.accountId(ACCOUNT).budgetName("monthly")).budget();
    assertThat(b.budgetLimit().amount()).isEqualByComparingTo("100");
    assertThat(b.calculatedSpend().actualSpend().amount()).isPositive();
    assertThat(b.calculatedSpend().forecastedSpend().amount())
        .isGreaterThanOrEqualTo(b.calculatedSpend().actualSpend().amount());
    assertThat(b.timePeriod().end()).isEqualTo("2087-06-15T00:00:00Z");
    assertThat(b.costTypes().includeTax()).isTrue();
    assertThat(b.costTypes().useBlended()).isFalse();
    assertThat(budgets.describeBudgets(r -> r.accountId(ACCOUNT)).budgets()).extracting(Budget::budgetName)
        .contains("monthly");

    assertThatThrownBy(() -> budgets.createBudget(r -> r.accountId(ACCOUNT).budget(monthly("monthly", "5"))))
        .isInstanceOf(DuplicateRecordException.class)
        .hasMessageContaining("Error creating budget: monthly - the budget already exists.");
    budgets.updateBudget(r -> r.accountId(ACCOUNT).newBudget(monthly("monthly", "250")));
    assertThat(budgets.describeBudget(r -> r.accountId(ACCOUNT).budgetName("monthly")).budget().budgetLimit().amount())
        .isEqualByComparingTo("250");
    budgets.deleteBudget(r -> r.accountId(ACCOUNT).budgetName("monthly"));
    assertThatThrownBy(() -> budgets.describeBudget(r -> r.accountId(ACCOUNT).budgetName("monthly")))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("Unable to get budget: monthly - the budget doesn't exist.");
    assertThatThrownBy(() -> budgets.deleteBudget(r -> r.accountId(ACCOUNT).budgetName("monthly")))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void filtersNarrowTheSpend() {
    budgets.createBudget(r -> r.accountId(ACCOUNT).budget(monthly("all", "1")));
    budgets.createBudget(r -> r.accountId(ACCOUNT).budget(monthly("s3", "1").toBuilder()
        .costFilters(java.util.Map.of("Service", java.util.List.of("Amazon Simple Storage Service"))).build()));
    BigDecimal all = budgets.describeBudget(r -> r.accountId(ACCOUNT).budgetName("all")).budget()
        .calculatedSpend().actualSpend().amount();
    BigDecimal s3 = budgets.describeBudget(r -> r.accountId(ACCOUNT).budgetName("s3")).budget()
        .calculatedSpend().actualSpend().amount();
    assertThat(s3).isPositive().isLessThan(all);
  }

  @Test
  void notificationsAndSubscribers() {
    budgets.createBudget(r -> r.accountId(ACCOUNT).budget(monthly("alerts", "1")));
    Notification over = Notification.builder().notificationType("ACTUAL").comparisonOperator("GREATER_THAN")
        .threshold(80.0).thresholdType("PERCENTAGE").build();
    Subscriber email = Subscriber.builder().subscriptionType("EMAIL").address("ops@example.com").build();
    budgets.createNotification(r -> r.accountId(ACCOUNT).budgetName("alerts").notification(over).subscribers(email));
    assertThatThrownBy(() -> budgets.createNotification(r -> r.accountId(ACCOUNT).budgetName("alerts")
        .notification(over).subscribers(email))).isInstanceOf(DuplicateRecordException.class);
    var notifications = budgets.describeNotificationsForBudget(r -> r.accountId(ACCOUNT).budgetName("alerts"))
        .notifications();
    assertThat(notifications).hasSize(1);
    assertThat(notifications.get(0).notificationStateAsString()).isEqualTo("ALARM");

    Subscriber sns = Subscriber.builder().subscriptionType("SNS").address("arn:aws:sns:us-east-1:123456789012:t").build();
    budgets.createSubscriber(r -> r.accountId(ACCOUNT).budgetName("alerts").notification(over).subscriber(sns));
    assertThat(budgets.describeSubscribersForNotification(r -> r.accountId(ACCOUNT).budgetName("alerts")
        .notification(over)).subscribers()).containsExactly(email, sns);
    budgets.deleteSubscriber(r -> r.accountId(ACCOUNT).budgetName("alerts").notification(over).subscriber(sns));
    budgets.deleteNotification(r -> r.accountId(ACCOUNT).budgetName("alerts").notification(over));
    assertThatThrownBy(() -> budgets.deleteNotification(r -> r.accountId(ACCOUNT).budgetName("alerts")
        .notification(over))).isInstanceOf(NotFoundException.class);
  }

  @Test
  void accountIdMustBeTheCallers() {
    assertThatThrownBy(() -> budgets.describeBudgets(r -> r.accountId("111122223333")))
        .isInstanceOf(AccessDeniedException.class);
  }
}
