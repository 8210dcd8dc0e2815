package dev.billinggate.governance;

import java.util.List;
import java.util.Locale;

/** Billing console pages and the actions each needs (all of them), after the 2023 fine-grained actions. */
public enum BillingPage {
  HOME(List.of("billing:GetBillingData", "ce:GetCostAndUsage")),
  BILLS(List.of("billing:GetBillingData", "billing:GetBillingDetails", "invoicing:ListInvoiceSummaries",
      "invoicing:GetInvoicePDF", "billing:GetCredits", "consolidatedbilling:ListLinkedAccounts")),
  COST_EXPLORER(List.of("ce:GetCostAndUsage", "ce:GetDimensionValues", "ce:GetTags")),
  BUDGETS(List.of("budgets:ViewBudget", "budgets:DescribeBudgetActionsForAccount")),
  ACCOUNT(List.of("account:GetAccountInformation", "billing:GetIAMAccessPreference",
      "billing:GetSellerOfRecord", "billing:GetContractInformation")),
  PREFERENCES(List.of("ce:GetPreferences"));

  private final List<String> actions;

  BillingPage(List<String> actions) {
    this.actions = actions;
  }

  public List<String> actions() {
    return actions;
  }

  /** The page's command-line name: {@code cost-explorer} for COST_EXPLORER. */
  public String cliName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static BillingPage fromCliName(String name) {
    for (BillingPage page : values()) {
      if (page.cliName().equals(name)) {
        return page;
      }
    }
    throw new IllegalArgumentException("unknown page " + name + "; one of home, bills, cost-explorer, budgets, account, preferences");
  }

  /** Every billing page's actions, for the audit's "may an SCP hide billing pages" check. */
  public static List<String> allActions() {
    return java.util.Arrays.stream(values()).flatMap(p -> p.actions.stream()).distinct().toList();
  }
}
