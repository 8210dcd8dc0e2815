package dev.billinggate.console.cost;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

/**
 * What the billing pages need from the cost services: cost lines, the management account's Cost
 * Management preferences and budgets. The pages see only this port; the app plugs in the cost
 * services' implementation.
 */
public interface CostManagement {

  /** Daily unblended cost of {@code accountIds} for days in {@code [from, to)}. */
  List<CostLine> dailyCosts(Collection<String> accountIds, LocalDate from, LocalDate to);

  /** The member-account preferences an organization's management account sets. */
  Preferences preferences(String managementAccountId);

  void updatePreferences(String managementAccountId, Preferences preferences);

  List<Budget> budgets(String accountId);

  void createBudget(String accountId, Budget budget);

  /** One day's cost of one service in one region of one account; credits and refunds are negative. */
  record CostLine(LocalDate day, String accountId, String service, String region, BigDecimal amount) {}

  /**
   * @param linkedAccountAccess member accounts may open Cost Explorer (their own costs only)
   * @param refundsAndCredits members see their refunds and credits
   * @param discounts members see their discounts
   */
  record Preferences(boolean linkedAccountAccess, boolean refundsAndCredits, boolean discounts) {
    public static final Preferences DEFAULT = new Preferences(false, false, false);
  }

  /** A monthly cost budget. */
  record Budget(String name, BigDecimal limitUsd, LocalDate start) {}
}
