package dev.billinggate.policy.eval;

import dev.billinggate.policy.document.ConditionOperator.Comparison;
import dev.billinggate.policy.document.ConditionOperator.Family;
import dev.billinggate.policy.document.ScalarValues;
import java.util.List;

/** One policy value of a condition, compiled for its operator family: does a request value match? */
@FunctionalInterface
interface ValueMatcher {
  boolean matches(String requestValue);

  static ValueMatcher of(Family family, Comparison comparison, String policyValue) {
    return switch (family) {
      case STRING, BINARY -> policyValue::equals;
      case STRING_IGNORE_CASE -> policyValue::equalsIgnoreCase;
      case STRING_LIKE -> Glob.compile(policyValue)::matches;
      case ARN -> ArnPattern.compile(policyValue)::matches;
      case BOOL -> policyValue::equalsIgnoreCase;
      case NUMERIC -> {
        double p = ScalarValues.number(policyValue);
        yield v -> {
          double t = ScalarValues.number(v);
          return !Double.isNaN(t) && !Double.isNaN(p) && compare(t < p ? -1 : t > p ? 1 : 0, comparison);
        };
      }
      case DATE -> {
        long p = ScalarValues.epochMillis(policyValue);
        yield v -> {
          long t = ScalarValues.epochMillis(v);
          return t != ScalarValues.INVALID_DATE && p != ScalarValues.INVALID_DATE && compare(Long.compare(t, p), comparison);
        };
      }
      case IP -> {
        IpCidr cidr = IpCidr.parse(policyValue);
        yield cidr == null ? v -> false : cidr::contains;
      }
      case NULL -> throw new IllegalArgumentException("Null has no value matcher");
    };
  }

  /** For a policy value with variables, after substitution. Only String and ARN families get here. */
  static ValueMatcher of(Family family, List<Template.Chunk> chunks) {
    return switch (family) {
      case STRING -> Template.concat(chunks)::equals;
      case STRING_IGNORE_CASE -> Template.concat(chunks)::equalsIgnoreCase;
      case STRING_LIKE -> Template.glob(chunks)::matches;
      case ARN -> ArnPattern.compile(chunks)::matches;
      default -> throw new IllegalArgumentException("no variables for " + family);
    };
  }

  private static boolean compare(int cmp, Comparison comparison) {
    return switch (comparison) {
      case EQ -> cmp == 0;
      case LT -> cmp < 0;
      case LE -> cmp <= 0;
      case GT -> cmp > 0;
      case GE -> cmp >= 0;
    };
  }
}
