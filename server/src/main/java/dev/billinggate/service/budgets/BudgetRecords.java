package dev.billinggate.service.budgets;

import dev.billinggate.store.Table;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What Budgets stores. Keys start with the owning account id. */
final class BudgetRecords {
  private BudgetRecords() {}

  /**
   * Key {@code accountId/budgetName}.
   *
   * @param costTypes the CostTypes flags by member name, defaults filled in
   */
  record StoredBudget(String accountId, String name, String budgetType, String limitAmount, String limitUnit,
      String timeUnit, Instant start, Instant end, Map<String, List<String>> costFilters,
      Map<String, Boolean> costTypes, Instant lastUpdated, List<StoredNotification> notifications) {

    StoredBudget withNotifications(List<StoredNotification> updated) {
      return new StoredBudget(accountId, name, budgetType, limitAmount, limitUnit, timeUnit, start, end, costFilters,
          costTypes, lastUpdated, List.copyOf(updated));
    }
  }

  /** A notification with its subscribers; a notification is identified by all its fields but the state. */
  record StoredNotification(String notificationType, String comparisonOperator, double threshold,
      String thresholdType, List<StoredSubscriber> subscribers) {

    boolean sameAs(String type, String operator, double value, String valueType) {
      return notificationType.equals(type) && comparisonOperator.equals(operator) && threshold == value
          && thresholdType.equals(valueType);
    }

    StoredNotification withSubscribers(List<StoredSubscriber> updated) {
      return new StoredNotification(notificationType, comparisonOperator, threshold, thresholdType, List.copyOf(updated));
    }
  }

  record StoredSubscriber(String subscriptionType, String address) {}

  static final Table<StoredBudget> BUDGETS = Table.of("budgets.budget", StoredBudget.class);
}
