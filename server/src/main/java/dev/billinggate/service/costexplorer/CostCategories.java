package dev.billinggate.service.costexplorer;

import dev.billinggate.costdata.CostLine;
import dev.billinggate.store.ReadTx;
import dev.billinggate.store.Table;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import software.amazon.awssdk.services.costexplorer.model.CostCategoryRule;
import software.amazon.awssdk.services.costexplorer.model.CostCategoryValues;
import software.amazon.awssdk.services.costexplorer.model.DimensionValues;
import software.amazon.awssdk.services.costexplorer.model.Expression;
import software.amazon.awssdk.services.costexplorer.model.TagValues;

/**
 * Stored cost category definitions and their evaluation: the first rule that matches a line gives
 * its value; inherited-value rules take the line's account name or a tag; otherwise the default
 * value, or empty (uncategorized). Definitions are the payer's: a management account's categories
 * apply to its whole organization.
 */
final class CostCategories {
  record Values(String key, List<String> values, List<String> matchOptions) {}

  record StoredExpression(List<StoredExpression> and, List<StoredExpression> or, StoredExpression not,
      Values dimensions, Values tags, Values costCategories) {}

  /** @param inheritedKey {@code LINKED_ACCOUNT_NAME} or {@code TAG}, for INHERITED_VALUE rules */
  record StoredRule(String type, String value, StoredExpression rule, String inheritedKey, String inheritedTagKey) {}

  /** Key {@code accountId/id}. */
  record Definition(String accountId, String id, String name, String effectiveStart, String ruleVersion,
      List<StoredRule> rules, String defaultValue) {}

  static final Table<Definition> TABLE = Table.of("ce.cost_category", Definition.class);

  private CostCategories() {}

  static List<Definition> of(ReadTx tx, String accountId) {
    return tx.scan(TABLE, accountId + "/", null, Integer.MAX_VALUE).stream().map(ReadTx.Entry::value).toList();
  }

  /** Name → value function for every definition, compiled against the caller's view. */
  static Map<String, Function<CostLine, String>> resolvers(List<Definition> definitions, LineAttributes plain) {
    Map<String, Function<CostLine, String>> resolvers = new HashMap<>();
    for (Definition d : definitions) {
      List<Function<CostLine, String>> rules = d.rules().stream().map(r -> rule(r, plain)).toList();
      String fallback = d.defaultValue() == null ? "" : d.defaultValue();
      resolvers.put(d.name(), line -> {
        for (Function<CostLine, String> rule : rules) {
          String v = rule.apply(line);
          if (v != null) {
            return v;
          }
        }
        return fallback;
      });
    }
    return resolvers;
  }

  private static Function<CostLine, String> rule(StoredRule r, LineAttributes plain) {
    if ("INHERITED_VALUE".equals(r.type())) {
      return line -> {
        String v = "TAG".equals(r.inheritedKey()) ? plain.tag(line, r.inheritedTagKey())
            : plain.dimension(line, r.inheritedKey());
        return v.isEmpty() ? null : v;
      };
    }
    Predicate<CostLine> matches = Expressions.compile(sdk(r.rule()), plain);
    return line -> matches.test(line) ? r.value() : null;
  }

  static StoredRule store(CostCategoryRule r) {
    return new StoredRule(r.typeAsString() == null ? "REGULAR" : r.typeAsString(), r.value(), store(r.rule()),
        r.inheritedValue() == null ? null : r.inheritedValue().dimensionNameAsString(),
        r.inheritedValue() == null ? null : r.inheritedValue().dimensionKey());
  }

  static CostCategoryRule sdk(StoredRule r) {
    CostCategoryRule.Builder b = CostCategoryRule.builder().type(r.type()).value(r.value()).rule(sdk(r.rule()));
    if (r.inheritedKey() != null) {
      b.inheritedValue(v -> v.dimensionName(r.inheritedKey()).dimensionKey(r.inheritedTagKey()));
    }
    return b.build();
  }

  static StoredExpression store(Expression e) {
    if (e == null) {
      return null;
    }
    return new StoredExpression(e.hasAnd() ? e.and().stream().map(CostCategories::store).toList() : null,
        e.hasOr() ? e.or().stream().map(CostCategories::store).toList() : null, store(e.not()),
        e.dimensions() == null ? null : new Values(e.dimensions().keyAsString(), e.dimensions().values(),
            e.dimensions().matchOptionsAsStrings()),
        e.tags() == null ? null : new Values(e.tags().key(), e.tags().values(), e.tags().matchOptionsAsStrings()),
        e.costCategories() == null ? null : new Values(e.costCategories().key(), e.costCategories().values(),
            e.costCategories().matchOptionsAsStrings()));
  }

  static Expression sdk(StoredExpression s) {
    if (s == null) {
      return null;
    }
    Expression.Builder b = Expression.builder();
    if (s.and() != null) {
      b.and(s.and().stream().map(CostCategories::sdk).toList());
    }
    if (s.or() != null) {
      b.or(s.or().stream().map(CostCategories::sdk).toList());
    }
    b.not(sdk(s.not()));
    if (s.dimensions() != null) {
      b.dimensions(DimensionValues.builder().key(s.dimensions().key()).values(s.dimensions().values())
          .matchOptionsWithStrings(s.dimensions().matchOptions()).build());
    }
    if (s.tags() != null) {
      b.tags(TagValues.builder().key(s.tags().key()).values(s.tags().values())
          .matchOptionsWithStrings(s.tags().matchOptions()).build());
    }
    if (s.costCategories() != null) {
      b.costCategories(CostCategoryValues.builder().key(s.costCategories().key()).values(s.costCategories().values())
          .matchOptionsWithStrings(s.costCategories().matchOptions()).build());
    }
    return b.build();
  }
}
