package dev.billinggate.service.costexplorer;

import dev.billinggate.costdata.CostLine;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Predicate;
import software.amazon.awssdk.services.costexplorer.model.Expression;
import software.amazon.awssdk.services.costexplorer.model.MatchOption;

/**
 * Compiles a Cost Explorer filter {@link Expression} into a predicate over cost lines, validating it
 * the way Cost Explorer does: each expression node has exactly one root.
 */
final class Expressions {
  private Expressions() {}

  static Predicate<CostLine> compile(Expression e, LineAttributes attrs) {
    if (e == null) {
      return line -> true;
    }
    int roots = (e.hasAnd() ? 1 : 0) + (e.hasOr() ? 1 : 0) + (e.not() != null ? 1 : 0)
        + (e.dimensions() != null ? 1 : 0) + (e.tags() != null ? 1 : 0) + (e.costCategories() != null ? 1 : 0);
    if (roots != 1) {
      throw CostExplorerError.validation(roots == 0
          ? "Expression must have one of the following root operators: And, Or, Not, Dimensions, Tags, CostCategories"
          : "Expression has more than one roots. Only one root operator is allowed for each expression: "
              + "And, Or, Not, Dimensions, Tags, CostCategories");
    }
    if (e.hasAnd() || e.hasOr()) {
      List<Predicate<CostLine>> parts = (e.hasAnd() ? e.and() : e.or()).stream().map(x -> compile(x, attrs)).toList();
      if (parts.size() < 2) {
        throw CostExplorerError.validation((e.hasAnd() ? "And" : "Or") + " expression must have at least 2 operands");
      }
      return e.hasAnd() ? line -> parts.stream().allMatch(p -> p.test(line))
          : line -> parts.stream().anyMatch(p -> p.test(line));
    }
    if (e.not() != null) {
      return compile(e.not(), attrs).negate();
    }
    if (e.dimensions() != null) {
      String key = e.dimensions().keyAsString();
      return match(line -> attrs.dimension(line, key), e.dimensions().values(), e.dimensions().matchOptions());
    }
    if (e.tags() != null) {
      String key = e.tags().key();
      return match(line -> attrs.tag(line, key), e.tags().values(), e.tags().matchOptions());
    }
    String name = e.costCategories().key();
    return match(line -> attrs.category(line, name), e.costCategories().values(), e.costCategories().matchOptions());
  }

  /** A value test with AWS's match options; {@code EQUALS} when none are given. */
  static Predicate<CostLine> match(Function<CostLine, String> value, List<String> values, List<MatchOption> options) {
    boolean absent = options.contains(MatchOption.ABSENT);
    boolean insensitive = options.contains(MatchOption.CASE_INSENSITIVE);
    MatchOption how = options.stream().filter(o -> o != MatchOption.CASE_SENSITIVE && o != MatchOption.CASE_INSENSITIVE
        && o != MatchOption.ABSENT).findFirst().orElse(MatchOption.EQUALS);
    List<String> wanted = insensitive ? values.stream().map(v -> v.toLowerCase(Locale.ROOT)).toList() : values;
    return line -> {
      String v = value.apply(line);
      if (v.isEmpty()) {
        return absent;
      }
      String actual = insensitive ? v.toLowerCase(Locale.ROOT) : v;
      for (String w : wanted) {
        boolean hit = switch (how) {
          case STARTS_WITH -> actual.startsWith(w);
          case ENDS_WITH -> actual.endsWith(w);
          case CONTAINS -> actual.contains(w);
          case GREATER_THAN_OR_EQUAL -> actual.compareTo(w) >= 0;
          default -> actual.equals(w);
        };
        if (hit) {
          return true;
        }
      }
      return false;
    };
  }
}
