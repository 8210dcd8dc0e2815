package dev.billinggate.service.budgets;

import static dev.billinggate.service.budgets.BudgetRecords.BUDGETS;

import dev.billinggate.service.CallContext;
import dev.billinggate.service.budgets.BudgetRecords.StoredBudget;
import dev.billinggate.service.budgets.BudgetRecords.StoredNotification;
import dev.billinggate.service.budgets.BudgetRecords.StoredSubscriber;
import dev.billinggate.store.Store;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.services.budgets.model.CalculatedSpend;
import software.amazon.awssdk.services.budgets.model.CreateNotificationRequest;
import software.amazon.awssdk.services.budgets.model.CreateNotificationResponse;
import software.amazon.awssdk.services.budgets.model.CreateSubscriberRequest;
import software.amazon.awssdk.services.budgets.model.CreateSubscriberResponse;
import software.amazon.awssdk.services.budgets.model.DeleteNotificationRequest;
import software.amazon.awssdk.services.budgets.model.DeleteNotificationResponse;
import software.amazon.awssdk.services.budgets.model.DeleteSubscriberRequest;
import software.amazon.awssdk.services.budgets.model.DeleteSubscriberResponse;
import software.amazon.awssdk.services.budgets.model.DescribeNotificationsForBudgetRequest;
import software.amazon.awssdk.services.budgets.model.DescribeNotificationsForBudgetResponse;
import software.amazon.awssdk.services.budgets.model.DescribeSubscribersForNotificationRequest;
import software.amazon.awssdk.services.budgets.model.DescribeSubscribersForNotificationResponse;
import software.amazon.awssdk.services.budgets.model.Notification;
import software.amazon.awssdk.services.budgets.model.NotificationWithSubscribers;
import software.amazon.awssdk.services.budgets.model.Subscriber;

/**
 * A budget's notifications and their subscribers. A notification is identified by its type,
 * operator, threshold and threshold type; its state (OK or ALARM) is computed from the budget's
 * current spend when described.
 */
final class Notifications {
  /** AWS's quotas: 5 notifications per budget, 10 email and 1 SNS subscriber per notification. */
  static final int MAX_NOTIFICATIONS = 5;
  static final int MAX_SUBSCRIBERS = 11;

  private final Store store;
  private final BudgetSpend spend;

  Notifications(Store store, BudgetSpend spend) {
    this.store = store;
    this.spend = spend;
  }

  StoredBudget withInitial(StoredBudget b, List<NotificationWithSubscribers> initial) {
    List<StoredNotification> all = new ArrayList<>();
    for (NotificationWithSubscribers n : initial) {
      all.add(add(all, stored(n.notification(), n.subscribers())));
    }
    return b.withNotifications(all);
  }

  CreateNotificationResponse createNotification(CreateNotificationRequest r, CallContext ctx) {
    update(r.accountId(), r.budgetName(), ctx, list -> {
      List<StoredNotification> all = new ArrayList<>(list);
      all.add(add(all, stored(r.notification(), r.subscribers())));
      return all;
    });
    return CreateNotificationResponse.builder().build();
  }

  DescribeNotificationsForBudgetResponse describeNotificationsForBudget(DescribeNotificationsForBudgetRequest r,
      CallContext ctx) {
    String account = BudgetOperations.owner(r.accountId(), ctx);
    StoredBudget b = store.read(tx -> tx.get(BUDGETS, BudgetOperations.key(account, r.budgetName())))
        .orElseThrow(() -> BudgetOperations.notFound("get", r.budgetName()));
    CalculatedSpend current = b.notifications().isEmpty() ? null
        : spend.calculate(b, LocalDate.ofInstant(ctx.now(), ZoneOffset.UTC));
    List<Notification> all = b.notifications().stream().map(n -> sdk(n, b, current)).toList();
    return DescribeNotificationsForBudgetResponse.builder().notifications(all).build();
  }

  DeleteNotificationResponse deleteNotification(DeleteNotificationRequest r, CallContext ctx) {
    update(r.accountId(), r.budgetName(), ctx, list -> {
      StoredNotification n = find(list, r.notification());
      return list.stream().filter(x -> x != n).toList();
    });
    return DeleteNotificationResponse.builder().build();
  }

  CreateSubscriberResponse createSubscriber(CreateSubscriberRequest r, CallContext ctx) {
    update(r.accountId(), r.budgetName(), ctx, list -> replace(list, find(list, r.notification()), n -> {
      StoredSubscriber s = new StoredSubscriber(r.subscriber().subscriptionTypeAsString(), r.subscriber().address());
      if (n.subscribers().contains(s)) {
        throw BudgetsError.DUPLICATE_RECORD.exception("Error creating subscriber: %s - the subscriber already exists.",
            s.address());
      }
      if (n.subscribers().size() >= MAX_SUBSCRIBERS) {
        throw BudgetsError.CREATION_LIMIT_EXCEEDED.exception("You've reached the limit of subscribers for this "
            + "notification.");
      }
      List<StoredSubscriber> subscribers = new ArrayList<>(n.subscribers());
      subscribers.add(s);
      return n.withSubscribers(subscribers);
    }));
    return CreateSubscriberResponse.builder().build();
  }

  DescribeSubscribersForNotificationResponse describeSubscribersForNotification(
      DescribeSubscribersForNotificationRequest r, CallContext ctx) {
    String account = BudgetOperations.owner(r.accountId(), ctx);
    StoredBudget b = store.read(tx -> tx.get(BUDGETS, BudgetOperations.key(account, r.budgetName())))
        .orElseThrow(() -> BudgetOperations.notFound("get", r.budgetName()));
    StoredNotification n = find(b.notifications(), r.notification());
    return DescribeSubscribersForNotificationResponse.builder().subscribers(n.subscribers().stream()
        .map(s -> Subscriber.builder().subscriptionType(s.subscriptionType()).address(s.address()).build()).toList())
        .build();
  }

  DeleteSubscriberResponse deleteSubscriber(DeleteSubscriberRequest r, CallContext ctx) {
    StoredSubscriber gone = new StoredSubscriber(r.subscriber().subscriptionTypeAsString(), r.subscriber().address());
    update(r.accountId(), r.budgetName(), ctx, list -> replace(list, find(list, r.notification()), n -> {
      if (!n.subscribers().contains(gone)) {
        throw BudgetsError.NOT_FOUND.exception("Unable to delete subscriber: %s - the subscriber doesn't exist.",
            gone.address());
      }
      return n.withSubscribers(n.subscribers().stream().filter(s -> !s.equals(gone)).toList());
    }));
    return DeleteSubscriberResponse.builder().build();
  }

  private void update(String accountId, String budgetName, CallContext ctx,
      UnaryOperator<List<StoredNotification>> change) {
    String account = BudgetOperations.owner(accountId, ctx);
    store.write(tx -> {
      StoredBudget b = BudgetOperations.find(tx, account, budgetName, "get");
      tx.put(BUDGETS, BudgetOperations.key(account, budgetName), b.withNotifications(change.apply(b.notifications())));
      return null;
    });
  }

  private static StoredNotification add(List<StoredNotification> existing, StoredNotification n) {
    if (existing.stream().anyMatch(e -> e.sameAs(n.notificationType(), n.comparisonOperator(), n.threshold(),
        n.thresholdType()))) {
      throw BudgetsError.DUPLICATE_RECORD.exception("Error creating notification: the notification already exists.");
    }
    if (existing.size() >= MAX_NOTIFICATIONS) {
      throw BudgetsError.CREATION_LIMIT_EXCEEDED.exception("You've reached the limit of notifications for this budget.");
    }
    return n;
  }

  private static List<StoredNotification> replace(List<StoredNotification> list, StoredNotification old,
      UnaryOperator<StoredNotification> change) {
    return list.stream().map(n -> n == old ? change.apply(n) : n).toList();
  }

  private static StoredNotification find(List<StoredNotification> list, Notification n) {
    String thresholdType = n.thresholdTypeAsString() == null ? "PERCENTAGE" : n.thresholdTypeAsString();
    return list.stream().filter(x -> x.sameAs(n.notificationTypeAsString(), n.comparisonOperatorAsString(),
            n.threshold(), thresholdType)).findFirst()
        .orElseThrow(() -> BudgetsError.NOT_FOUND.exception("Unable to find notification: the notification doesn't "
            + "exist."));
  }

  private static StoredNotification stored(Notification n, List<Subscriber> subscribers) {
    if (subscribers.isEmpty() || subscribers.size() > MAX_SUBSCRIBERS) {
      throw BudgetsError.INVALID_PARAMETER.exception("A notification needs between 1 and 11 subscribers");
    }
    return new StoredNotification(n.notificationTypeAsString(), n.comparisonOperatorAsString(), n.threshold(),
        n.thresholdTypeAsString() == null ? "PERCENTAGE" : n.thresholdTypeAsString(),
        subscribers.stream().map(s -> new StoredSubscriber(s.subscriptionTypeAsString(), s.address())).toList());
  }

  private static Notification sdk(StoredNotification n, StoredBudget b, CalculatedSpend current) {
    double spent = ("FORECASTED".equals(n.notificationType()) ? current.forecastedSpend() : current.actualSpend())
        .amount().doubleValue();
    double limit = Double.parseDouble(b.limitAmount());
    double threshold = "PERCENTAGE".equals(n.thresholdType()) ? limit * n.threshold() / 100 : n.threshold();
    boolean alarm = switch (n.comparisonOperator()) {
      case "LESS_THAN" -> spent < threshold;
      case "EQUAL_TO" -> spent == threshold;
      default -> spent > threshold;
    };
    return Notification.builder().notificationType(n.notificationType()).comparisonOperator(n.comparisonOperator())
        .threshold(n.threshold()).thresholdType(n.thresholdType()).notificationState(alarm ? "ALARM" : "OK").build();
  }
}
