package dev.billinggate.service.budgets;

import dev.billinggate.core.Partition;
import dev.billinggate.core.ServiceId;
import dev.billinggate.service.AccessRule;
import dev.billinggate.service.AccessTarget;
import dev.billinggate.service.OperationTable;
import dev.billinggate.service.ServiceHandler;
import dev.billinggate.service.costexplorer.CostScope;
import dev.billinggate.store.Store;
import dev.billinggate.store.Table;
import java.util.List;
import java.util.function.Function;
import software.amazon.awssdk.services.budgets.model.*;

/**
 * AWS Budgets (awsJson 1.1, {@code AWSBudgetServiceGateway}): budgets, notifications, subscribers.
 * Reads are authorized as {@code budgets:ViewBudget}, changes as {@code budgets:ModifyBudget}, on
 * {@code arn:aws:budgets::<account>:budget/<name>} (the Service Authorization Reference's mapping).
 */
public final class BudgetsService implements ServiceHandler {
  private final BudgetOperations budgets;
  private final Notifications notifications;

  public BudgetsService(Store store, CostScope scope) {
    BudgetSpend spend = new BudgetSpend(scope);
    this.notifications = new Notifications(store, spend);
    this.budgets = new BudgetOperations(store, spend, notifications);
  }

  public static List<Table<?>> tables() {
    return List.of(BudgetRecords.BUDGETS);
  }

  @Override
  public ServiceId service() {
    return ServiceId.BUDGETS;
  }

  @Override
  public void register(OperationTable t) {
    t.on(CreateBudgetRequest.class, modify(CreateBudgetRequest::accountId, r -> r.budget().budgetName()),
        budgets::createBudget);
    t.on(DescribeBudgetRequest.class, view(DescribeBudgetRequest::accountId, DescribeBudgetRequest::budgetName),
        budgets::describeBudget);
    t.on(DescribeBudgetsRequest.class, view(DescribeBudgetsRequest::accountId, r -> "*"), budgets::describeBudgets);
    t.on(UpdateBudgetRequest.class, modify(UpdateBudgetRequest::accountId, r -> r.newBudget().budgetName()),
        budgets::updateBudget);
    t.on(DeleteBudgetRequest.class, modify(DeleteBudgetRequest::accountId, DeleteBudgetRequest::budgetName),
        budgets::deleteBudget);
    t.on(CreateNotificationRequest.class, modify(CreateNotificationRequest::accountId,
        CreateNotificationRequest::budgetName), notifications::createNotification);
    t.on(DescribeNotificationsForBudgetRequest.class, view(DescribeNotificationsForBudgetRequest::accountId,
        DescribeNotificationsForBudgetRequest::budgetName), notifications::describeNotificationsForBudget);
    t.on(DeleteNotificationRequest.class, modify(DeleteNotificationRequest::accountId,
        DeleteNotificationRequest::budgetName), notifications::deleteNotification);
    t.on(CreateSubscriberRequest.class, modify(CreateSubscriberRequest::accountId,
        CreateSubscriberRequest::budgetName), notifications::createSubscriber);
    t.on(DescribeSubscribersForNotificationRequest.class, view(DescribeSubscribersForNotificationRequest::accountId,
        DescribeSubscribersForNotificationRequest::budgetName), notifications::describeSubscribersForNotification);
    t.on(DeleteSubscriberRequest.class, modify(DeleteSubscriberRequest::accountId,
        DeleteSubscriberRequest::budgetName), notifications::deleteSubscriber);
  }

  private static <I> AccessRule<I> view(Function<I, String> account, Function<I, String> name) {
    return rule("budgets:ViewBudget", account, name);
  }

  private static <I> AccessRule<I> modify(Function<I, String> account, Function<I, String> name) {
    return rule("budgets:ModifyBudget", account, name);
  }

  private static <I> AccessRule<I> rule(String action, Function<I, String> account, Function<I, String> name) {
    return (r, ctx) -> AccessTarget.of(action, Partition.arnPrefix() + "budgets::" + account.apply(r) + ":budget/" + name.apply(r));
  }
}
