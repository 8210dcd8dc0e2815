package dev.billinggate.policy.document;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@code Principal} or {@code NotPrincipal} element.
 *
 * @param any the element was the bare string {@code "*"} (which AWS treats as {@code {"AWS":"*"}})
 * @param byType principal type ({@code AWS}, {@code Service}, {@code Federated}, {@code
 *     CanonicalUser}) to identifiers, in document order; empty when {@code any}
 */
public record PrincipalBlock(boolean any, Map<String, List<String>> byType) {
  public static final List<String> TYPES = List.of("AWS", "Service", "Federated", "CanonicalUser");

  public PrincipalBlock {
    LinkedHashMap<String, List<String>> copy = new LinkedHashMap<>();
    byType.forEach((k, v) -> copy.put(k, List.copyOf(v)));
    byType = java.util.Collections.unmodifiableMap(copy);
  }

  public static PrincipalBlock anyone() {
    return new PrincipalBlock(true, Map.of());
  }

  /** Whether this names everyone: {@code "*"} or {@code {"AWS":"*"}}. */
  public boolean isWildcard() {
    return any || byType.getOrDefault("AWS", List.of()).contains("*");
  }
}
