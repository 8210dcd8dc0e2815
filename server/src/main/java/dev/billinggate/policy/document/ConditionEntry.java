package dev.billinggate.policy.document;

import java.util.List;

/**
 * One key under one operator of a {@code Condition} block; a block is the list of these in document
 * order (operators grouped, as JSON forbids repeating one).
 *
 * @param operator as written, e.g. {@code ForAnyValue:StringLikeIfExists}
 * @param key as written; key names are case-insensitive at evaluation
 * @param values JSON strings, numbers and booleans as their text
 */
public record ConditionEntry(String operator, String key, List<String> values) {
  public ConditionEntry {
    values = List.copyOf(values);
  }
}
