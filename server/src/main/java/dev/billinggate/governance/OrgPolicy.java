package dev.billinggate.governance;

import dev.billinggate.policy.PolicyType;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One SCP or RCP as Organizations returns it. Its {@link BoundedPolicy} forms are compiled on first use
 * per {@link KnownContext.Domain} and kept with the policy, so a run compiles each policy once per kind
 * of principal however many accounts share it.
 */
public final class OrgPolicy {
  private final String id;
  private final String name;
  private final PolicyType type;
  private final String content;
  private final Map<KnownContext.Domain, BoundedPolicy> bounded = new ConcurrentHashMap<>();

  /** @param type {@link PolicyType#SERVICE_CONTROL} or {@link PolicyType#RESOURCE_CONTROL} */
  public OrgPolicy(String id, String name, PolicyType type, String content) {
    this.id = id;
    this.name = name;
    this.type = type;
    this.content = content;
  }

  public String id() {
    return id;
  }

  public String name() {
    return name;
  }

  public PolicyType type() {
    return type;
  }

  public String content() {
    return content;
  }

  BoundedPolicy boundedFor(KnownContext.Domain domain) {
    return bounded.computeIfAbsent(domain, d -> BoundedPolicy.of(this, d));
  }

  /** How reports name it: {@code name (id)}. */
  public String label() {
    return name + " (" + id + ")";
  }
}
