package dev.billinggate.policy.eval;

import dev.billinggate.policy.ConditionContext;
import dev.billinggate.policy.document.ConditionEntry;
import dev.billinggate.policy.document.ConditionOperator;
import dev.billinggate.policy.document.ConditionOperator.Family;
import dev.billinggate.policy.document.ConditionOperator.SetQualifier;
import java.util.List;
import java.util.Locale;

/**
 * One key under one operator. AWS's rules: several policy values are ORed (for negated operators:
 * NOR, i.e. the request value must match none); a missing key fails a positive operator and
 * satisfies a negated one or an {@code IfExists}; {@code ForAllValues} holds on a missing key and
 * {@code ForAnyValue} does not. A single-valued operator given several request values does not
 * match (see docs/policy-engine.md). A policy variable that cannot be resolved makes the condition
 * fail whatever the operator.
 */
final class ConditionMatcher {
  private final String lowerKey;
  private final ConditionOperator op;
  private final String[] values;
  /** Compiled values when none has a variable, else null. */
  private final ValueMatcher[] fixed;
  /** Per value: its template, or null for a plain value; null when {@link #fixed} is set. */
  private final Template[] templates;

  private ConditionMatcher(String lowerKey, ConditionOperator op, String[] values, ValueMatcher[] fixed, Template[] templates) {
    this.lowerKey = lowerKey;
    this.op = op;
    this.values = values;
    this.fixed = fixed;
    this.templates = templates;
  }

  /** {@code entry} must have passed validation (its operator is known). */
  static ConditionMatcher compile(ConditionEntry entry, boolean variables) {
    ConditionOperator op = ConditionOperator.parse(entry.operator()).orElseThrow();
    String[] values = entry.values().toArray(String[]::new);
    Family family = op.base().family();
    Template[] templates = new Template[values.length];
    boolean templated = false;
    if (variables && family.allowsVariables()) {
      for (int i = 0; i < values.length; i++) {
        templates[i] = Template.parse(values[i]);
        templated |= templates[i] != null;
      }
    }
    ValueMatcher[] fixed = null;
    if (!templated && family != Family.NULL) {
      fixed = new ValueMatcher[values.length];
      for (int i = 0; i < values.length; i++) {
        fixed[i] = ValueMatcher.of(family, op.base().comparison(), values[i]);
      }
    }
    return new ConditionMatcher(
        entry.key().toLowerCase(Locale.ROOT), op, values, fixed, templated ? templates : null);
  }

  boolean test(ConditionContext ctx) {
    List<String> requestValues = ctx.getLower(lowerKey);
    if (op.base().family() == Family.NULL) {
      return testNull(requestValues != null);
    }
    ValueMatcher[] matchers = fixed != null ? fixed : resolve(ctx);
    if (matchers == null) {
      return false;
    }
    boolean negated = op.base().negated();
    if (requestValues == null) {
      return switch (op.set()) {
        case NONE -> op.ifExists() || negated;
        case FOR_ALL_VALUES -> true;
        case FOR_ANY_VALUE -> op.ifExists();
      };
    }
    if (op.set() == SetQualifier.NONE) {
      return requestValues.size() == 1 && matchesOne(matchers, requestValues.get(0)) != negated;
    }
    boolean all = op.set() == SetQualifier.FOR_ALL_VALUES;
    for (int i = 0, n = requestValues.size(); i < n; i++) {
      boolean m = matchesOne(matchers, requestValues.get(i)) != negated;
      if (m != all) {
        return !all;
      }
    }
    return all;
  }

  // "true" asks for the key to be absent, "false" for it to be present; values are ORed.
  private boolean testNull(boolean present) {
    for (String v : values) {
      if ((v.equalsIgnoreCase("true") && !present) || (v.equalsIgnoreCase("false") && present)) {
        return true;
      }
    }
    return false;
  }

  private static boolean matchesOne(ValueMatcher[] matchers, String requestValue) {
    for (ValueMatcher m : matchers) {
      if (m.matches(requestValue)) {
        return true;
      }
    }
    return false;
  }

  private ValueMatcher[] resolve(ConditionContext ctx) {
    Family family = op.base().family();
    ValueMatcher[] out = new ValueMatcher[values.length];
    for (int i = 0; i < values.length; i++) {
      if (templates[i] == null) {
        out[i] = ValueMatcher.of(family, op.base().comparison(), values[i]);
        continue;
      }
      List<Template.Chunk> chunks = templates[i].resolve(ctx);
      if (chunks == null) {
        return null;
      }
      out[i] = ValueMatcher.of(family, chunks);
    }
    return out;
  }
}
