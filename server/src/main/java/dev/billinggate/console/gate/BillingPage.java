package dev.billinggate.console.gate;

import java.util.List;

/**
 * The Billing and Cost Management pages behind the "IAM user and role access to billing
 * information" switch, with the actions a principal needs to open each (research notes §6.3). The
 * page needs all of {@code required}; parts of a page that need more (the forecast, contact
 * information, the edit buttons) check their own action and say what is missing in place.
 */
public enum BillingPage {
  HOME("nav.home", List.of("billing:GetBillingData", "ce:GetCostAndUsage")),
  BILLS("nav.bills", List.of("billing:GetBillingData", "billing:GetBillingDetails", "invoicing:ListInvoiceSummaries",
      "invoicing:GetInvoicePDF", "billing:GetCredits", "consolidatedbilling:ListLinkedAccounts")),
  COST_EXPLORER("nav.costExplorer", List.of("ce:GetCostAndUsage", "ce:GetDimensionValues", "ce:GetTags")),
  BUDGETS("nav.budgets", List.of("budgets:ViewBudget", "budgets:DescribeBudgetActionsForAccount")),
  ACCOUNT("nav.account", List.of("account:GetAccountInformation", "billing:GetIAMAccessPreference",
      "billing:GetSellerOfRecord", "billing:GetContractInformation")),
  PREFERENCES("nav.preferences", List.of("ce:GetPreferences"));

  /** Card- and form-level actions. */
  public static final String FORECAST = "ce:GetCostForecast";
  public static final String CONTACT_INFORMATION = "account:GetContactInformation";
  public static final String UPDATE_IAM_ACCESS = "billing:UpdateIAMAccessPreference";
  public static final String MODIFY_BUDGET = "budgets:ModifyBudget";
  public static final String UPDATE_PREFERENCES = "ce:UpdatePreferences";

  private final String titleKey;
  private final List<String> required;

  BillingPage(String titleKey, List<String> required) {
    this.titleKey = titleKey;
    this.required = required;
  }

  public String titleKey() {
    return titleKey;
  }

  public List<String> required() {
    return required;
  }
}
