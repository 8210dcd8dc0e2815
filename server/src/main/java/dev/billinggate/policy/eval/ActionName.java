package dev.billinggate.policy.eval;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A request action lowercased and split once. Gateways ask about the same few hundred actions over
 * and over, so the split forms are cached (bounded: past the cap they are computed per request).
 */
record ActionName(String lower, String service) {
  private static final int CACHE_CAP = 4_096;
  private static final Map<String, ActionName> CACHE = new ConcurrentHashMap<>();

  static ActionName of(String action) {
    ActionName cached = CACHE.get(action);
    if (cached != null) {
      return cached;
    }
    String lower = action.toLowerCase(Locale.ROOT);
    int colon = lower.indexOf(':');
    ActionName name = new ActionName(lower, colon < 0 ? lower : lower.substring(0, colon));
    if (CACHE.size() < CACHE_CAP) {
      CACHE.putIfAbsent(action, name);
    }
    return name;
  }
}
