package dev.billinggate.console;

import dev.billinggate.console.cost.CostManagement.Budget;
import dev.billinggate.console.gate.BillingPage;
import dev.billinggate.console.gate.GateDecision;
import dev.billinggate.console.gate.PageGate;
import dev.billinggate.console.view.DeniedView;
import dev.billinggate.console.view.Html;
import dev.billinggate.console.view.Layout;
import dev.billinggate.console.view.Money;
import dev.billinggate.console.web.Exchange;
import dev.billinggate.console.web.Responses;
import dev.billinggate.core.http.HttpResponse;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Budgets: the account's monthly cost budgets and a form to create one. */
final class BudgetPages {
  private static final BigDecimal MAX_LIMIT = new BigDecimal("1000000000");

  private final ConsoleServices services;
  private final PageGate gate;

  BudgetPages(ConsoleServices services, PageGate gate) {
    this.services = services;
    this.gate = gate;
  }

  HttpResponse list(Exchange ex) {
    return Gated.open(ex, services, gate, BillingPage.BUDGETS, context -> Responses.html(200, page(ex, null)));
  }

  HttpResponse create(Exchange ex) {
    return Gated.open(ex, services, gate, BillingPage.BUDGETS, context -> {
      Optional<String> denial = gate.denial(BillingPage.MODIFY_BUDGET, context);
      if (denial.isPresent()) {
        return Responses.html(403, DeniedView.render(ex, ex.msg("nav.budgets"),
            new GateDecision.MissingPermission(BillingPage.MODIFY_BUDGET, denial.get())));
      }
      String name = ex.form().get("name", "");
      Optional<BigDecimal> limit = amount(ex.form().get("limit", ""));
      if (!name.matches("[^:\\\\]{1,100}") || limit.isEmpty()) {
        return Responses.html(200, page(ex, ex.msg("budgets.invalid")));
      }
      LocalDate start = YearMonth.from(LocalDate.ofInstant(services.clock().instant(), ZoneOffset.UTC)).atDay(1);
      services.costs().createBudget(context.caller().accountId(), new Budget(name, limit.get(), start));
      return Responses.redirect("/console/budgets");
    });
  }

  private Html page(Exchange ex, String error) {
    String accountId = ex.session().acting().accountId();
    List<Html> rows = new ArrayList<>();
    for (Budget budget : services.costs().budgets(accountId)) {
      rows.add(Html.of("<tr><th scope=\"row\">%s</th><td class=\"num\">%s</td><td>%s</td></tr>", budget.name(),
          Money.usd(budget.limitUsd()), budget.start().toString()));
    }
    Html list = rows.isEmpty() ? Html.of("<p class=\"muted\">%s</p>", ex.msg("budgets.none"))
        : Html.of("<table><thead><tr><th scope=\"col\">%s</th><th scope=\"col\" class=\"num\">%s</th>"
            + "<th scope=\"col\">%s</th></tr></thead><tbody>%s</tbody></table>",
            ex.msg("budgets.name"), ex.msg("budgets.limit"), ex.msg("budgets.start"), Html.join(rows));
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

  private static Optional<BigDecimal> amount(String text) {
    try {
      BigDecimal value = new BigDecimal(text);
      return value.signum() > 0 && value.compareTo(MAX_LIMIT) < 0 ? Optional.of(value) : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
