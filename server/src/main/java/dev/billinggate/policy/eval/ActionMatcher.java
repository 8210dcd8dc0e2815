package dev.billinggate.policy.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Action or NotAction list of a statement. Patterns are lowercased once (IAM actions are
 * case-insensitive). Long lists (AWS managed read-only policies name thousands of actions) are
 * indexed by literal service prefix so a request tests only its own service's patterns.
 */
final class ActionMatcher {
  private static final int INDEX_THRESHOLD = 16;

  /** Lowercased patterns, in document order. */
  final List<String> patterns;
  final boolean not;
  private final Glob[] all;
  /** Per service prefix: its patterns followed by those matching any service; null for short lists. */
  private final Map<String, Glob[]> byService;
  private final Glob[] anyService;

  ActionMatcher(List<String> actions, boolean not) {
    this.not = not;
    this.patterns = actions.stream().map(a -> a.toLowerCase(Locale.ROOT)).toList();
    this.all = patterns.stream().map(Glob::compile).toArray(Glob[]::new);
    if (all.length <= INDEX_THRESHOLD) {
      this.byService = null;
      this.anyService = null;
      return;
    }
    Map<String, List<Glob>> grouped = new HashMap<>();
    List<Glob> wildcardService = new ArrayList<>();
    for (int i = 0; i < all.length; i++) {
      String prefix = servicePrefix(patterns.get(i));
      if (prefix == null) {
        wildcardService.add(all[i]);
      } else {
        grouped.computeIfAbsent(prefix, k -> new ArrayList<>()).add(all[i]);
      }
    }
    this.anyService = wildcardService.toArray(Glob[]::new);
    this.byService = new HashMap<>();
    grouped.forEach((service, globs) -> {
      globs.addAll(wildcardService);
      byService.put(service, globs.toArray(Glob[]::new));
    });
  }

  /** The literal service prefix of a lowercased pattern, or null when it can match any service. */
  static String servicePrefix(String pattern) {
    int colon = pattern.indexOf(':');
    if (colon < 0) {
      return null;
    }
    String prefix = pattern.substring(0, colon);
    return prefix.indexOf('*') >= 0 || prefix.indexOf('?') >= 0 ? null : prefix;
  }

  boolean matches(EvalRequest r) {
    Glob[] candidates = byService == null ? all : byService.getOrDefault(r.service, anyService);
    for (Glob g : candidates) {
      if (g.matches(r.actionLower)) {
        return !not;
      }
    }
    return not;
  }
}
