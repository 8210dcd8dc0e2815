package dev.billinggate.service.costexplorer;

import dev.billinggate.costdata.CostAggregator;
import dev.billinggate.costdata.CostAggregator.Granularity;
import dev.billinggate.costdata.CostAggregator.Result;
import dev.billinggate.costdata.CostLine;
import dev.billinggate.service.CallContext;
import dev.billinggate.store.Store;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import software.amazon.awssdk.services.costexplorer.model.DateInterval;
import software.amazon.awssdk.services.costexplorer.model.DimensionValuesWithAttributes;
import software.amazon.awssdk.services.costexplorer.model.Expression;
import software.amazon.awssdk.services.costexplorer.model.GetCostAndUsageRequest;
import software.amazon.awssdk.services.costexplorer.model.GetCostAndUsageResponse;
import software.amazon.awssdk.services.costexplorer.model.GetCostAndUsageWithResourcesRequest;
import software.amazon.awssdk.services.costexplorer.model.GetCostAndUsageWithResourcesResponse;
import software.amazon.awssdk.services.costexplorer.model.Group;
import software.amazon.awssdk.services.costexplorer.model.GroupDefinition;
import software.amazon.awssdk.services.costexplorer.model.MetricValue;
import software.amazon.awssdk.services.costexplorer.model.ResultByTime;

/** GetCostAndUsage and GetCostAndUsageWithResources. */
final class CostAndUsageOperations {
  /** Groups per page; AWS pages large results too, billing-gate at a fixed size. */
  static final int PAGE_GROUPS = 5000;
  /** How far back resource-level data reaches. */
  static final int RESOURCE_DAYS = 14;

  static final Set<String> METRICS = Set.of("AmortizedCost", "BlendedCost", "NetAmortizedCost", "NetUnblendedCost",
      "NormalizedUsageAmount", "UnblendedCost", "UsageQuantity");

  private final CostScope scope;
  private final Store store;

  CostAndUsageOperations(CostScope scope, Store store) {
    this.scope = scope;
    this.store = store;
  }

  /** The outcome of one query page, in the SDK's shapes. */
  private record Page(List<ResultByTime> results, List<DimensionValuesWithAttributes> attributes, String nextToken) {}

  GetCostAndUsageResponse getCostAndUsage(GetCostAndUsageRequest r, CallContext ctx) {
    CallerView view = CallerView.of(scope, store, ctx.caller().accountId());
    CostDates.Range range = CostDates.history(r.timePeriod(), view.today());
    Page page = run(view, range, r.granularityAsString(), r.metrics(), r.groupBy(), r.filter(), false,
        r.toBuilder().nextPageToken(null).build().hashCode(), r.nextPageToken());
    return GetCostAndUsageResponse.builder().groupDefinitions(r.groupBy()).resultsByTime(page.results())
        .dimensionValueAttributes(page.attributes()).nextPageToken(page.nextToken()).build();
  }

  GetCostAndUsageWithResourcesResponse getCostAndUsageWithResources(GetCostAndUsageWithResourcesRequest r,
      CallContext ctx) {
    CallerView view = CallerView.of(scope, store, ctx.caller().accountId());
    CostDates.Range range = CostDates.history(r.timePeriod(), view.today());
    if (range.fromDay() < view.today() - RESOURCE_DAYS) {
      // boto/boto3#2369: the text AWS sends whatever the requested granularity.
      throw CostExplorerError.validation("Start date is more than 14 days ago for hourly granularity. Please adjust "
          + "start date as we support only 14 days of data at hourly granularity.");
    }
    Page page = run(view, range, r.granularityAsString(), r.metrics(), r.groupBy(), r.filter(), true,
        r.toBuilder().nextPageToken(null).build().hashCode(), r.nextPageToken());
    return GetCostAndUsageWithResourcesResponse.builder().groupDefinitions(r.groupBy()).resultsByTime(page.results())
        .dimensionValueAttributes(page.attributes()).nextPageToken(page.nextToken()).build();
  }

  private Page run(CallerView view, CostDates.Range range, String granularity, List<String> metrics,
      List<GroupDefinition> groupBy, Expression filter, boolean resources, int fingerprint, String token) {
    Granularity g = granularity(granularity);
    if (metrics.isEmpty()) {
      throw CostExplorerError.validation("Metrics are required for this request");
    }
    for (String m : metrics) {
      if (!METRICS.contains(m)) {
        throw CostExplorerError.validation("Invalid metric: " + m + ". Valid metrics are " + String.join(", ",
            METRICS.stream().sorted().toList()) + ".");
      }
    }
    Function<CostLine, List<String>> key = Groupings.key(groupBy, view.attributes(), resources);
    Predicate<CostLine> lines = view.filter(filter);
    int offset = PageTokens.decode(token, fingerprint);
    Result result = CostAggregator.aggregate(view.visible().accounts(),
        new CostAggregator.Query(range.fromDay(), range.toDay(), g, lines, key));
    int firstOfMonth = (int) LocalDate.ofEpochDay(view.today()).withDayOfMonth(1).toEpochDay();
    List<ResultByTime> results = new ArrayList<>();
    Map<String, DimensionValuesWithAttributes> attributes = new LinkedHashMap<>();
    String linkedAccount = groupBy.stream().anyMatch(d -> "LINKED_ACCOUNT".equals(d.key())) ? "LINKED_ACCOUNT" : null;
    int accountKey = linkedAccount == null ? -1
        : groupBy.indexOf(groupBy.stream().filter(d -> linkedAccount.equals(d.key())).findFirst().orElseThrow());
    // Each period takes max(1, present groups) slots, so periods without costs are paged too.
    int slot = 0;
    int emitted = 0;
    for (int p = 0; p < result.periods().size(); p++) {
      CostAggregator.Period period = result.periods().get(p);
      ResultByTime.Builder out = ResultByTime.builder()
          .timePeriod(DateInterval.builder().start(period.start().toString()).end(period.end().toString()).build())
          .estimated(period.toDay() > firstOfMonth);
      List<Integer> present = new ArrayList<>();
      for (int gi = 0; gi < result.groups().size(); gi++) {
        if (key != null && result.present()[result.index(p, gi)]) {
          present.add(gi);
        }
      }
      int slots = Math.max(1, present.size());
      List<Group> groups = new ArrayList<>();
      boolean touched = false;
      for (int s = 0; s < slots; s++, slot++) {
        if (slot < offset) {
          continue;
        }
        if (emitted == PAGE_GROUPS) {
          if (touched) {
            results.add(out.total(Map.of()).groups(groups).build());
          }
          return new Page(results, List.copyOf(attributes.values()), PageTokens.encode(fingerprint, slot));
        }
        touched = true;
        emitted++;
        if (present.isEmpty()) {
          continue;
        }
        int gi = present.get(s);
        List<String> keys = result.groups().get(gi);
        groups.add(Group.builder().keys(keys).metrics(metrics(result, metrics, p, gi)).build());
        if (accountKey >= 0) {
          attributes.computeIfAbsent(keys.get(accountKey), a -> DimensionValuesWithAttributes.builder().value(a)
              .attributes(Map.of("description", view.attributes().accountNames().getOrDefault(a, a))).build());
        }
      }
      if (touched) {
        // AWS leaves Total empty when the result is grouped.
        results.add(out.total(key == null ? metrics(result, metrics, p, 0) : Map.of()).groups(groups).build());
      }
    }
    return new Page(results, List.copyOf(attributes.values()), null);
  }

  static Granularity granularity(String value) {
    if (value == null) {
      throw CostExplorerError.validation("Granularity is required for this request");
    }
    return switch (value) {
      case "DAILY" -> Granularity.DAILY;
      case "MONTHLY" -> Granularity.MONTHLY;
      // Hourly data is an opt-in billing-gate does not offer.
      case "HOURLY" -> throw CostExplorerError.validation(
          "Hourly granularity is not enabled for this account. Enable hourly granularity in Cost Management "
              + "preferences.");
      default -> throw CostExplorerError.validation("Invalid granularity: " + value);
    };
  }

  private static Map<String, MetricValue> metrics(Result r, List<String> names, int period, int group) {
    int i = r.index(period, group);
    Map<String, MetricValue> values = new LinkedHashMap<>();
    for (String name : names) {
      values.put(name, switch (name) {
        case "UsageQuantity" -> Amounts.metric(r.usage()[i], r.units()[group]);
        case "NormalizedUsageAmount" -> Amounts.metric(r.normalizedUsage()[i], "N/A");
        default -> Amounts.metric(r.cost()[i], "USD");
      });
    }
    return values;
  }
}
