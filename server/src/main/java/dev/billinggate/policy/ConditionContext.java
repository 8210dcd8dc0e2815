package dev.billinggate.policy;

import java.util.AbstractMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The condition keys of one request, stored under lowercased names so the engine can look them up
 * without lowercasing on the hot path (key names are case-insensitive in IAM; values are not).
 *
 * <p>It is a read-only {@code Map}, so it can be passed as {@link AuthorizationRequest#context()}
 * directly. Build it once per request with {@link #builder()}; a plain map given to the engine is
 * copied into one first, which costs an allocation per key.
 *
 * <p>A key with an empty value list is treated as absent.
 */
public final class ConditionContext extends AbstractMap<String, List<String>> {
  private static final ConditionContext EMPTY = new ConditionContext(Map.of());

  private final Map<String, List<String>> byLowerName;

  private ConditionContext(Map<String, List<String>> byLowerName) {
    this.byLowerName = byLowerName;
  }

  public static ConditionContext empty() {
    return EMPTY;
  }

  /** {@code map} itself when it already is one, else a lowercased copy. */
  public static ConditionContext of(Map<String, List<String>> map) {
    if (map instanceof ConditionContext c) {
      return c;
    }
    if (map == null || map.isEmpty()) {
      return EMPTY;
    }
    Builder b = builder();
    map.forEach(b::put);
    return b.build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Values of a key whose name is already lowercase, or {@code null} when absent. */
  public List<String> getLower(String lowerName) {
    List<String> v = byLowerName.get(lowerName);
    return v == null || v.isEmpty() ? null : v;
  }

  @Override
  public List<String> get(Object key) {
    return key instanceof String s ? getLower(s.toLowerCase(Locale.ROOT)) : null;
  }

  @Override
  public boolean containsKey(Object key) {
    return get(key) != null;
  }

  @Override
  public Set<Entry<String, List<String>>> entrySet() {
    return byLowerName.entrySet();
  }

  public static final class Builder {
    private final Map<String, List<String>> map = new HashMap<>();

    private Builder() {}

    public Builder put(String key, List<String> values) {
      map.put(key.toLowerCase(Locale.ROOT), List.copyOf(values));
      return this;
    }

    public Builder put(String key, String value) {
      return put(key, List.of(value));
    }

    public ConditionContext build() {
      return new ConditionContext(Map.copyOf(map));
    }
  }
}
