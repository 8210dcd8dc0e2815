package dev.billinggate.console;

import dev.billinggate.catalog.BillingPage;
import dev.billinggate.console.gate.GateDecision;
import dev.billinggate.console.gate.PageGate;
import dev.billinggate.console.view.DeniedView;
import dev.billinggate.console.view.Layout;
import dev.billinggate.console.view.Money;
import dev.billinggate.console.web.Exchange;
import dev.billinggate.console.web.Html;
import dev.billinggate.console.web.Responses;
import dev.billinggate.core.AwsException;
import dev.billinggate.core.ServiceId;
import dev.billinggate.core.http.HttpResponse;
import dev.billinggate.service.CallContext;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.budgets.model.Budget;
import software.amazon.awssdk.services.budgets.model.BudgetType;
import software.amazon.awssdk.services.budgets.model.CreateBudgetRequest;
import software.amazon.awssdk.services.budgets.model.CreateBudgetResponse;
import software.amazon.awssdk.services.budgets.model.DescribeBudgetsRequest;
import software.amazon.awssdk.services.budgets.model.DescribeBudgetsResponse;
import software.amazon.awssdk.services.budgets.model.Spend;
import software.amazon.awssdk.services.budgets.model.TimeUnit;

/**
 * Budgets: the account's budgets and a form to create a monthly cost budget, through the Budgets
 * service in-process, so its own authorization ({@code budgets:ViewBudget}, {@code budgets:ModifyBudget})
 * and validation apply.
 */
final class BudgetPages {
  private final ConsoleServices services;
  private final PageGate gate;

  BudgetPages(ConsoleServices services, PageGate gate) {
    this.services = services;
    this.gate = gate;
  }

  HttpResponse list(Exchange ex, CallContext context) {
    return Responses.html(200, page(ex, context, null));
  }

  HttpResponse create(Exchange ex, CallContext context) {
    Optional<BigDecimal> limit = amount(ex.form().get("limit", ""));
    if (limit.isEmpty()) {
      return Responses.html(200, page(ex, context, ex.msg("budgets.invalid")));
    }
    Budget budget = Budget.builder().budgetName(ex.form().get("name", "")).budgetType(BudgetType.COST)
        .timeUnit(TimeUnit.MONTHLY).budgetLimit(Spend.builder().amount(limit.get()).unit("USD").build())
        .build();
    try {
      services.gateway().invoke(ServiceId.BUDGETS, CreateBudgetRequest.builder()
          .accountId(context.caller().accountId()).budget(budget).build(), context, CreateBudgetResponse.class);
    } catch (AwsException e) {
      if (e.code().httpStatus() == 403 || e.code().code().startsWith("AccessDenied")) {
        return Responses.html(403, DeniedView.render(ex, ex.msg("nav.budgets"),
            new GateDecision.MissingPermission(BillingPage.MODIFY_BUDGET, e.getMessage())));
      }
      return Responses.html(200, page(ex, context, e.getMessage()));
    }
    return Responses.redirect("/console/budgets");
  }

  private Html page(Exchange ex, CallContext context, String error) {
    List<Html> rows = new ArrayList<>();
    String token = null;
    do {
      DescribeBudgetsResponse page = services.gateway().invoke(ServiceId.BUDGETS, DescribeBudgetsRequest.builder()
          .accountId(context.caller().accountId()).nextToken(token).build(), context, DescribeBudgetsResponse.class);
      for (Budget budget : page.budgets()) {
        rows.add(Html.of("<tr><th scope=\"row\">%s</th><td class=\"num\">%s</td><td class=\"num\">%s</td></tr>",
            budget.budgetName(), usd(budget.budgetLimit()),
            budget.calculatedSpend() == null ? "-" : usd(budget.calculatedSpend().actualSpend())));
      }
      token = page.nextToken();
    } while (token != null);
    Html list = rows.isEmpty() ? Html.of("<p class=\"muted\">%s</p>", ex.msg("budgets.none"))
        : Html.of("<table><thead><tr><th scope=\"col\">%s</th><th scope=\"col\" class=\"num\">%s</th>"
            + "<th scope=\"col\" class=\"num\">%s</th></tr></thead><tbody>%s</tbody></table>",
            ex.msg("budgets.name"), ex.msg("budgets.limit"), ex.msg("budgets.actual"), Html.join(rows));
    Html alert = error == null ? Html.EMPTY : Html.of("<p class=\"alert error\" role=\"alert\">%s</p>", error);
    Html content = Html.of("""
        <section class="card">%s</section>
        <section class="card"><h2>%s</h2>%s<form method="post" action="/console/budgets" class="stack">%s
        <label>%s<input name="name" maxlength="100" required></label>
        <label>%s<input name="limit" inputmode="decimal" required></label>
        <button type="submit" class="primary">%s</button></form></section>""",
        list, ex.msg("budgets.create"), alert, Layout.csrf(ex.session()), ex.msg("budgets.name"),
        ex.msg("budgets.limit"), ex.msg("budgets.create"));
    return Layout.page(ex, ex.msg("nav.budgets"), content);
  }

  private static String usd(Spend spend) {
    return spend == null ? "-" : Money.usd(spend.amount());
  }

  private static Optional<BigDecimal> amount(String text) {
    try {
      BigDecimal value = new BigDecimal(text);
      return value.signum() > 0 ? Optional.of(value) : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
