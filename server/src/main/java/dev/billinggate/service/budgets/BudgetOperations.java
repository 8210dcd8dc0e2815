package dev.billinggate.service.budgets;

import static dev.billinggate.service.budgets.BudgetRecords.BUDGETS;

import dev.billinggate.service.CallContext;
import dev.billinggate.service.budgets.BudgetRecords.StoredBudget;
import dev.billinggate.store.Store;
import dev.billinggate.store.WriteTx;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.budgets.model.Budget;
import software.amazon.awssdk.services.budgets.model.CostTypes;
import software.amazon.awssdk.services.budgets.model.CreateBudgetRequest;
import software.amazon.awssdk.services.budgets.model.CreateBudgetResponse;
import software.amazon.awssdk.services.budgets.model.DeleteBudgetRequest;
import software.amazon.awssdk.services.budgets.model.DeleteBudgetResponse;
import software.amazon.awssdk.services.budgets.model.DescribeBudgetRequest;
import software.amazon.awssdk.services.budgets.model.DescribeBudgetResponse;
import software.amazon.awssdk.services.budgets.model.DescribeBudgetsRequest;
import software.amazon.awssdk.services.budgets.model.DescribeBudgetsResponse;
import software.amazon.awssdk.services.budgets.model.Spend;
import software.amazon.awssdk.services.budgets.model.TimePeriod;
import software.amazon.awssdk.services.budgets.model.UpdateBudgetRequest;
import software.amazon.awssdk.services.budgets.model.UpdateBudgetResponse;

/** Budget CRUD. A budget belongs to the account that created it; AccountId must be the caller's. */
final class BudgetOperations {
  /** AWS's quota of budgets per account. */
  static final int MAX_BUDGETS = 20_000;
  /** What AWS fills in when a budget has no end: 2087-06-15. */
  static final Instant DEFAULT_END = Instant.parse("2087-06-15T00:00:00Z");
  static final int DEFAULT_PAGE = 100;

  private final Store store;
  private final BudgetSpend spend;
  private final Notifications notifications;

  BudgetOperations(Store store, BudgetSpend spend, Notifications notifications) {
    this.store = store;
    this.spend = spend;
    this.notifications = notifications;
  }

  static String key(String accountId, String name) {
    return accountId + "/" + name;
  }

  /** AccountId must name the caller's account. */
  static String owner(String accountId, CallContext ctx) {
    if (!ctx.caller().accountId().equals(accountId)) {
      throw BudgetsError.ACCESS_DENIED.exception("You are not authorized to access budgets of account " + accountId);
    }
    return accountId;
  }

  static StoredBudget find(WriteTx tx, String account, String name, String verb) {
    return tx.get(BUDGETS, key(account, name)).orElseThrow(() -> notFound(verb, name));
  }

  static RuntimeException notFound(String verb, String name) {
    return BudgetsError.NOT_FOUND.exception("Unable to %s budget: %s - the budget doesn't exist.", verb, name);
  }

  CreateBudgetResponse createBudget(CreateBudgetRequest r, CallContext ctx) {
    String account = owner(r.accountId(), ctx);
    StoredBudget b = stored(account, r.budget(), ctx);
    store.write(tx -> {
      if (tx.get(BUDGETS, key(account, b.name())).isPresent()) {
        throw BudgetsError.DUPLICATE_RECORD.exception("Error creating budget: %s - the budget already exists.", b.name());
      }
      if (tx.count(BUDGETS, account + "/") >= MAX_BUDGETS) {
        throw BudgetsError.CREATION_LIMIT_EXCEEDED.exception("You've reached the limit of budgets for this account.");
      }
      tx.put(BUDGETS, key(account, b.name()), notifications.withInitial(b, r.notificationsWithSubscribers()));
      return null;
    });
    return CreateBudgetResponse.builder().build();
  }

  DescribeBudgetResponse describeBudget(DescribeBudgetRequest r, CallContext ctx) {
    String account = owner(r.accountId(), ctx);
    StoredBudget b = store.read(tx -> tx.get(BUDGETS, key(account, r.budgetName())))
        .orElseThrow(() -> notFound("get", r.budgetName()));
    return DescribeBudgetResponse.builder().budget(sdk(b, ctx)).build();
  }

  DescribeBudgetsResponse describeBudgets(DescribeBudgetsRequest r, CallContext ctx) {
    String account = owner(r.accountId(), ctx);
    int max = r.maxResults() == null ? DEFAULT_PAGE : r.maxResults();
    String after = r.nextToken() == null ? null : decode(r.nextToken(), account);
    List<StoredBudget> page = store.read(tx -> tx.scan(BUDGETS, account + "/", after, max + 1)).stream()
        .map(e -> e.value()).toList();
    String next = page.size() > max ? encode(key(account, page.get(max - 1).name())) : null;
    List<StoredBudget> shown = page.subList(0, Math.min(max, page.size()));
    return DescribeBudgetsResponse.builder().budgets(shown.stream().map(b -> sdk(b, ctx)).toList()).nextToken(next)
        .build();
  }

  UpdateBudgetResponse updateBudget(UpdateBudgetRequest r, CallContext ctx) {
    String account = owner(r.accountId(), ctx);
    StoredBudget updated = stored(account, r.newBudget(), ctx);
    store.write(tx -> {
      StoredBudget old = find(tx, account, updated.name(), "update");
      tx.put(BUDGETS, key(account, updated.name()), updated.withNotifications(old.notifications()));
      return null;
    });
    return UpdateBudgetResponse.builder().build();
  }

  DeleteBudgetResponse deleteBudget(DeleteBudgetRequest r, CallContext ctx) {
    String account = owner(r.accountId(), ctx);
    store.write(tx -> {
      if (tx.get(BUDGETS, key(account, r.budgetName())).isEmpty()) {
        throw BudgetsError.NOT_FOUND.exception(
            "Unable to delete budget: %s - the budget doesn't exist. Try creating it first. ", r.budgetName());
      }
      tx.delete(BUDGETS, key(account, r.budgetName()));
      return null;
    });
    return DeleteBudgetResponse.builder().build();
  }

  private StoredBudget stored(String account, Budget b, CallContext ctx) {
    if (b.budgetLimit() == null && !b.hasPlannedBudgetLimits()) {
      throw BudgetsError.INVALID_PARAMETER.exception("Request must contain a budget limit or planned budget limits");
    }
    Map<String, List<String>> filters = b.hasCostFilters() ? b.costFilters() : Map.of();
    BudgetSpend.validateFilters(filters);
    LocalDate today = LocalDate.ofInstant(ctx.now(), ZoneOffset.UTC);
    Instant start = b.timePeriod() != null && b.timePeriod().start() != null ? b.timePeriod().start()
        : BudgetSpend.periodStart(b.timeUnitAsString(), today).atStartOfDay(ZoneOffset.UTC).toInstant();
    Instant end = b.timePeriod() != null && b.timePeriod().end() != null ? b.timePeriod().end() : DEFAULT_END;
    if (!start.isBefore(end)) {
      throw BudgetsError.INVALID_PARAMETER.exception("The budget's end date must be after its start date");
    }
    Spend limit = b.budgetLimit() != null ? b.budgetLimit() : b.plannedBudgetLimits().values().iterator().next();
    return new StoredBudget(account, b.budgetName(), b.budgetTypeAsString(), limit.amount().toPlainString(),
        limit.unit(), b.timeUnitAsString(), start, end, filters, costTypes(b.costTypes()), ctx.now(), List.of());
  }

  private Budget sdk(StoredBudget b, CallContext ctx) {
    Map<String, Boolean> t = b.costTypes();
    return Budget.builder().budgetName(b.name()).budgetType(b.budgetType()).timeUnit(b.timeUnit())
        .budgetLimit(Spend.builder().amount(new BigDecimal(b.limitAmount())).unit(b.limitUnit()).build())
        .timePeriod(TimePeriod.builder().start(b.start()).end(b.end()).build()).costFilters(b.costFilters())
        .costTypes(CostTypes.builder().includeTax(t.get("IncludeTax")).includeSubscription(t.get("IncludeSubscription"))
            .useBlended(t.get("UseBlended")).includeRefund(t.get("IncludeRefund")).includeCredit(t.get("IncludeCredit"))
            .includeUpfront(t.get("IncludeUpfront")).includeRecurring(t.get("IncludeRecurring"))
            .includeOtherSubscription(t.get("IncludeOtherSubscription")).includeSupport(t.get("IncludeSupport"))
            .includeDiscount(t.get("IncludeDiscount")).useAmortized(t.get("UseAmortized")).build())
        .calculatedSpend(spend.calculate(b, LocalDate.ofInstant(ctx.now(), ZoneOffset.UTC)))
        .lastUpdatedTime(b.lastUpdated()).build();
  }

  /** CostTypes with AWS's defaults: everything included, unblended and unamortized. */
  private static Map<String, Boolean> costTypes(CostTypes c) {
    CostTypes t = c == null ? CostTypes.builder().build() : c;
    Map<String, Boolean> m = new LinkedHashMap<>();
    m.put("IncludeTax", or(t.includeTax(), true));
    m.put("IncludeSubscription", or(t.includeSubscription(), true));
    m.put("UseBlended", or(t.useBlended(), false));
    m.put("IncludeRefund", or(t.includeRefund(), true));
    m.put("IncludeCredit", or(t.includeCredit(), true));
    m.put("IncludeUpfront", or(t.includeUpfront(), true));
    m.put("IncludeRecurring", or(t.includeRecurring(), true));
    m.put("IncludeOtherSubscription", or(t.includeOtherSubscription(), true));
    m.put("IncludeSupport", or(t.includeSupport(), true));
    m.put("IncludeDiscount", or(t.includeDiscount(), true));
    m.put("UseAmortized", or(t.useAmortized(), false));
    return m;
  }

  private static boolean or(Boolean value, boolean fallback) {
    return value == null ? fallback : value;
  }

  private static String encode(String key) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
  }

  private static String decode(String token, String account) {
    try {
      String key = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
      if (key.startsWith(account + "/")) {
        return key;
      }
    } catch (IllegalArgumentException e) {
      // fall through: not a token we issued
    }
    throw BudgetsError.INVALID_NEXT_TOKEN.exception("Invalid NextToken");
  }
}
