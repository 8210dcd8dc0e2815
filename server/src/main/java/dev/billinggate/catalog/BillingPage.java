package dev.billinggate.catalog;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The Billing and Cost Management console pages behind the "IAM user and role access to billing
 * information" switch, with the actions a principal needs to open each (all of them, after the 2023
 * fine-grained actions; research notes §6.3). The emulator's console gates its pages with this table
 * and the governance CLI explains and audits access to them with it. Parts of a page that need more
 * (the forecast, contact information, the edit buttons) check their own action and say what is
 * missing in place.
 */
public enum BillingPage {
  HOME(List.of("billing:GetBillingData", "ce:GetCostAndUsage")),
  BILLS(List.of("billing:GetBillingData", "billing:GetBillingDetails", "invoicing:ListInvoiceSummaries",
      "invoicing:GetInvoicePDF", "billing:GetCredits", "consolidatedbilling:ListLinkedAccounts")),
  COST_EXPLORER(List.of("ce:GetCostAndUsage", "ce:GetDimensionValues", "ce:GetTags")),
  BUDGETS(List.of("budgets:ViewBudget", "budgets:DescribeBudgetActionsForAccount")),
  ACCOUNT(List.of("account:GetAccountInformation", "billing:GetIAMAccessPreference",
      "billing:GetSellerOfRecord", "billing:GetContractInformation")),
  PREFERENCES(List.of("ce:GetPreferences"));

  /** Card- and form-level actions. */
  public static final String FORECAST = "ce:GetCostForecast";
  public static final String CONTACT_INFORMATION = "account:GetContactInformation";
  public static final String UPDATE_IAM_ACCESS = "billing:UpdateIAMAccessPreference";
  public static final String MODIFY_BUDGET = "budgets:ModifyBudget";
  public static final String UPDATE_PREFERENCES = "ce:UpdatePreferences";

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
    return Arrays.stream(values()).flatMap(p -> p.actions.stream()).distinct().toList();
  }
}
