package dev.billinggate.policy.eval;

import dev.billinggate.policy.Policy;
import dev.billinggate.policy.PolicyKind;
import dev.billinggate.policy.PolicyType;
import dev.billinggate.policy.document.PolicyDocument;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A validated policy compiled for evaluation. Statements are indexed by the service prefix of their
 * action patterns, so a request only tests statements that can name its action; statements with a
 * wildcard in the prefix or with NotAction are tested for every request.
 */
public final class CompiledPolicy implements Policy {
  /** Bit set in {@link #evaluate}'s result when a Deny statement applies. */
  static final int DENY = 4;
  /** Mask of {@link #evaluate}'s result holding the strongest Allow grant ({@link PrincipalMatcher}). */
  static final int GRANT = 3;

  private final String id;
  private final PolicyKind kind;
  private final String json;
  private final PolicyDocument document;
  private final Map<String, CompiledStatement[]> byService;
  private final CompiledStatement[] anyService;

  CompiledPolicy(String id, PolicyKind kind, String json, PolicyDocument document) {
    this.id = id;
    this.kind = kind;
    this.json = json;
    this.document = document;
    List<CompiledStatement> all = new ArrayList<>();
    for (int i = 0; i < document.statements().size(); i++) {
      all.add(new CompiledStatement(i, document.statements().get(i), document.supportsVariables()));
    }
    List<CompiledStatement> everywhere = new ArrayList<>();
    Map<String, List<CompiledStatement>> services = new LinkedHashMap<>();
    for (CompiledStatement s : all) {
      Set<String> prefixes = s.actions.not ? null : servicePrefixes(s.actions.patterns);
      if (prefixes == null) {
        everywhere.add(s);
      } else {
        prefixes.forEach(p -> services.computeIfAbsent(p, k -> new ArrayList<>()).add(s));
      }
    }
    this.anyService = everywhere.toArray(CompiledStatement[]::new);
    this.byService = new HashMap<>();
    // Each bucket also holds the wildcard statements, in document order, so one array is scanned.
    services.forEach((service, stmts) -> byService.put(service,
        all.stream().filter(s -> stmts.contains(s) || everywhere.contains(s)).toArray(CompiledStatement[]::new)));
  }

  /** The literal service prefixes of the patterns, or null when one can match any service. */
  private static Set<String> servicePrefixes(List<String> patterns) {
    Set<String> out = new LinkedHashSet<>();
    for (String p : patterns) {
      String prefix = ActionMatcher.servicePrefix(p);
      if (prefix == null) {
        return null;
      }
      out.add(prefix);
    }
    return out;
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public PolicyKind kind() {
    return kind;
  }

  @Override
  public String json() {
    return json;
  }

  public PolicyDocument document() {
    return document;
  }

  /**
   * {@link #DENY} when a Deny statement applies, or'ed with the strongest grant of the Allow
   * statements that apply. Without a trace it stops at the first Deny.
   */
  int evaluate(EvalRequest r, PolicyType type, Trace trace) {
    CompiledStatement[] candidates = byService.getOrDefault(r.service, anyService);
    int result = 0;
    for (CompiledStatement s : candidates) {
      int grant = s.applies(r);
      if (grant == PrincipalMatcher.NONE) {
        continue;
      }
      if (trace != null) {
        trace.matched(this, s, type);
      }
      if (s.deny) {
        result |= DENY;
        if (trace == null) {
          return result;
        }
      } else if (grant > (result & GRANT)) {
        result = (result & DENY) | grant;
      }
    }
    return result;
  }

  @Override
  public String toString() {
    return "Policy[" + id + ", " + kind + "]";
  }
}
