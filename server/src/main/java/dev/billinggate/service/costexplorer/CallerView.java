package dev.billinggate.service.costexplorer;

import dev.billinggate.costdata.CostLine;
import dev.billinggate.store.Store;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import software.amazon.awssdk.services.costexplorer.model.Expression;

/** A caller's visible cost data with the attributes its filters and groupings read. */
record CallerView(CostScope.Visible visible, LineAttributes attributes, int today) {

  static CallerView of(CostScope scope, Store store, String accountId) {
    CostScope.Visible v = scope.of(accountId);
    LineAttributes plain = new LineAttributes(v.names(), v.payerAccountId(), Map.of());
    List<CostCategories.Definition> definitions = store.read(tx -> CostCategories.of(tx, v.payerAccountId()));
    LineAttributes attrs = definitions.isEmpty() ? plain
        : new LineAttributes(v.names(), v.payerAccountId(), CostCategories.resolvers(definitions, plain));
    return new CallerView(v, attrs, scope.data().today());
  }

  /** The request's filter restricted to what the caller may see. */
  Predicate<CostLine> filter(Expression filter) {
    return visible.visible().and(Expressions.compile(filter, attributes));
  }
}
