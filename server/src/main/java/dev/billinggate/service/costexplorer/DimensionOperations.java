package dev.billinggate.service.costexplorer;

import dev.billinggate.costdata.CostAggregator;
import dev.billinggate.costdata.CostAggregator.Granularity;
import dev.billinggate.costdata.CostAggregator.Result;
import dev.billinggate.costdata.CostLine;
import dev.billinggate.service.CallContext;
import dev.billinggate.store.Store;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.services.costexplorer.model.DateInterval;
import software.amazon.awssdk.services.costexplorer.model.Dimension;
import software.amazon.awssdk.services.costexplorer.model.DimensionValuesWithAttributes;
import software.amazon.awssdk.services.costexplorer.model.Expression;
import software.amazon.awssdk.services.costexplorer.model.GetDimensionValuesRequest;
import software.amazon.awssdk.services.costexplorer.model.GetDimensionValuesResponse;
import software.amazon.awssdk.services.costexplorer.model.GetTagsRequest;
import software.amazon.awssdk.services.costexplorer.model.GetTagsResponse;
import software.amazon.awssdk.services.costexplorer.model.SortDefinition;

/** GetDimensionValues and GetTags: the distinct values with costs in a period, searchable and paged. */
final class DimensionOperations {
  /** What a page holds when MaxResults is omitted. */
  static final int DEFAULT_PAGE = 1000;

  private final CostScope scope;
  private final Store store;

  DimensionOperations(CostScope scope, Store store) {
    this.scope = scope;
    this.store = store;
  }

  private record Value(String value, double cost) {}

  GetDimensionValuesResponse getDimensionValues(GetDimensionValuesRequest r, CallContext ctx) {
    CallerView view = CallerView.of(scope, store, ctx.caller().accountId());
    String dimension = r.dimensionAsString();
    if (r.dimension() == Dimension.UNKNOWN_TO_SDK_VERSION || "RESOURCE_ID".equals(dimension)) {
      throw CostExplorerError.validation("Dimension " + dimension + " is not allowed.");
    }
    List<Value> values = distinct(view, r.timePeriod(), r.filter(), line -> view.attributes().dimension(line, dimension),
        r.searchString(), r.sortBy());
    int offset = PageTokens.decode(r.nextPageToken(), r.toBuilder().nextPageToken(null).build().hashCode());
    int max = r.maxResults() == null ? DEFAULT_PAGE : r.maxResults();
    List<DimensionValuesWithAttributes> page = new ArrayList<>();
    for (int i = offset; i < Math.min(values.size(), offset + max); i++) {
      String v = values.get(i).value();
      Map<String, String> attributes = "LINKED_ACCOUNT".equals(dimension)
          ? Map.of("description", view.attributes().accountNames().getOrDefault(v, v)) : Map.of();
      page.add(DimensionValuesWithAttributes.builder().value(v).attributes(attributes).build());
    }
    String next = offset + max < values.size()
        ? PageTokens.encode(r.toBuilder().nextPageToken(null).build().hashCode(), offset + max) : null;
    return GetDimensionValuesResponse.builder().dimensionValues(page).returnSize(page.size()).totalSize(values.size())
        .nextPageToken(next).build();
  }

  GetTagsResponse getTags(GetTagsRequest r, CallContext ctx) {
    CallerView view = CallerView.of(scope, store, ctx.caller().accountId());
    List<Value> values = r.tagKey() == null
        ? distinctKeys(view, r.timePeriod(), r.filter(), r.searchString())
        : distinct(view, r.timePeriod(), r.filter(), line -> view.attributes().tag(line, r.tagKey()), r.searchString(),
            r.sortBy());
    int fingerprint = r.toBuilder().nextPageToken(null).build().hashCode();
    int offset = PageTokens.decode(r.nextPageToken(), fingerprint);
    int max = r.maxResults() == null ? DEFAULT_PAGE : r.maxResults();
    List<String> page = values.subList(Math.min(offset, values.size()), Math.min(values.size(), offset + max))
        .stream().map(Value::value).toList();
    String next = offset + max < values.size() ? PageTokens.encode(fingerprint, offset + max) : null;
    return GetTagsResponse.builder().tags(page).returnSize(page.size()).totalSize(values.size()).nextPageToken(next)
        .build();
  }

  private List<Value> distinct(CallerView view, DateInterval period,
      Expression filter, Function<CostLine, String> value,
      String search, List<SortDefinition> sortBy) {
    CostDates.Range range = CostDates.history(period, view.today());
    Result result = CostAggregator.aggregate(view.visible().accounts(), new CostAggregator.Query(range.fromDay(),
        range.toDay(), Granularity.MONTHLY, view.filter(filter), line -> List.of(value.apply(line))));
    List<Value> values = new ArrayList<>();
    for (int g = 0; g < result.groups().size(); g++) {
      String v = result.groups().get(g).get(0);
      boolean present = false;
      double cost = 0;
      for (int p = 0; p < result.periods().size(); p++) {
        present |= result.present()[result.index(p, g)];
        cost += result.cost()[result.index(p, g)];
      }
      if (present && !v.isEmpty() && matches(v, search)) {
        values.add(new Value(v, cost));
      }
    }
    if (!sortBy.isEmpty()) {
      Comparator<Value> byCost = Comparator.comparingDouble(Value::cost);
      values.sort("ASCENDING".equals(sortBy.get(0).sortOrderAsString()) ? byCost : byCost.reversed());
    }
    return values;
  }

  private List<Value> distinctKeys(CallerView view,
      DateInterval period,
      Expression filter, String search) {
    CostDates.history(period, view.today());
    var lines = view.filter(filter);
    return view.visible().accounts().stream().flatMap(a -> a.lines().stream()).filter(lines)
        .flatMap(l -> l.tags().keySet().stream()).distinct().filter(k -> matches(k, search)).sorted()
        .map(k -> new Value(k, 0)).toList();
  }

  private static boolean matches(String value, String search) {
    return search == null || value.toLowerCase(Locale.ROOT).contains(search.toLowerCase(Locale.ROOT));
  }
}
