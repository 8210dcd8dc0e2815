package dev.billinggate.console.cost;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Stand-in for the cost services until their console API is wired: deterministic costs derived
 * from the account id, service and day, so every page and test sees the same figures; preferences
 * and budgets in memory.
 */
public final class InterimCostManagement implements CostManagement {
  private static final List<String> SERVICES = List.of("Amazon Elastic Compute Cloud - Compute",
      "Amazon Simple Storage Service", "Amazon Relational Database Service", "AWS Lambda", "Amazon CloudWatch");
  private static final List<String> REGIONS = List.of("us-east-1", "ap-northeast-1");

  private final Map<String, Preferences> preferences = new ConcurrentHashMap<>();
  private final Map<String, List<Budget>> budgets = new ConcurrentHashMap<>();

  @Override
  public List<CostLine> dailyCosts(Collection<String> accountIds, LocalDate from, LocalDate to) {
    List<CostLine> lines = new ArrayList<>();
    for (LocalDate day = from; day.isBefore(to); day = day.plusDays(1)) {
      for (String account : accountIds) {
        for (int s = 0; s < SERVICES.size(); s++) {
          String region = REGIONS.get((s + account.hashCode()) & 1);
          lines.add(new CostLine(day, account, SERVICES.get(s), region, amount(account, s, day)));
        }
      }
    }
    return lines;
  }

  /** Between 0.10 and 12.00 USD, stable for the same inputs. */
  private static BigDecimal amount(String account, int service, LocalDate day) {
    int seed = Math.floorMod((account + "/" + service + "/" + day.getDayOfMonth()).hashCode(), 1190);
    double scale = 1.0 / (service + 1);
    return BigDecimal.valueOf((10 + seed) * scale / 100.0).setScale(2, RoundingMode.HALF_UP);
  }

  @Override
  public Preferences preferences(String managementAccountId) {
    return preferences.getOrDefault(managementAccountId, Preferences.DEFAULT);
  }

  @Override
  public void updatePreferences(String managementAccountId, Preferences updated) {
    preferences.put(managementAccountId, updated);
  }

  @Override
  public List<Budget> budgets(String accountId) {
    return List.copyOf(budgets.getOrDefault(accountId, List.of()));
  }

  @Override
  public void createBudget(String accountId, Budget budget) {
    budgets.computeIfAbsent(accountId, a -> new CopyOnWriteArrayList<>()).add(budget);
  }
}
