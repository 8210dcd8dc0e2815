package dev.billinggate.authz;

import dev.billinggate.policy.Policy;
import dev.billinggate.policy.PolicyEngine;
import dev.billinggate.policy.PolicyKind;
import dev.billinggate.service.iam.IdentityPolicies.StoredPolicy;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Memoizes {@link PolicyEngine#compile}: compiling is pure, so the same id, kind and document give
 * the same policy, and the hot path compiles each stored document once. A changed document is a new
 * key; old entries go when the cache is full (cleared wholesale: rare, and cheap to refill).
 */
public final class CompiledPolicies {
  static final int MAX_ENTRIES = 20_000;

  private record Key(String id, PolicyKind kind, String json) {}

  private final PolicyEngine engine;
  private final Map<Key, Policy> cache = new ConcurrentHashMap<>();

  public CompiledPolicies(PolicyEngine engine) {
    this.engine = engine;
  }

  public Policy compile(String id, String json, PolicyKind kind) {
    Key key = new Key(id, kind, json);
    Policy cached = cache.get(key);
    if (cached != null) {
      return cached;
    }
    if (cache.size() >= MAX_ENTRIES) {
      cache.clear();
    }
    return cache.computeIfAbsent(key, k -> engine.compile(k.id(), k.json(), k.kind()));
  }

  public Policy compile(StoredPolicy stored) {
    return compile(stored.id(), stored.json(), stored.kind());
  }

  public List<Policy> compileAll(List<StoredPolicy> stored) {
    return stored.stream().map(this::compile).toList();
  }
}
