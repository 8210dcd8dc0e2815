package dev.billinggate.console;

import dev.billinggate.console.cost.CostManagement.CostLine;
import dev.billinggate.console.cost.CostScope;
import dev.billinggate.console.cost.CostTable;
import dev.billinggate.console.cost.CostTable.Dimension;
import dev.billinggate.console.cost.CostTable.Granularity;
import dev.billinggate.console.gate.BillingPage;
import dev.billinggate.console.gate.PageGate;
import dev.billinggate.console.view.BarChart;
import dev.billinggate.console.view.Html;
import dev.billinggate.console.view.Layout;
import dev.billinggate.console.view.Money;
import dev.billinggate.console.web.Exchange;
import dev.billinggate.console.web.Responses;
import dev.billinggate.core.http.HttpResponse;
import dev.billinggate.service.CallContext;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Billing home, Bills and Cost Explorer: the pages that show cost figures. */
final class CostPages {
  /** Cost Explorer keeps about a year of history at daily and monthly granularity. */
  private static final int MAX_RANGE_DAYS = 366;

  private final ConsoleServices services;
  private final PageGate gate;
  private final CostScope scope;

  CostPages(ConsoleServices services, PageGate gate) {
    this.services = services;
    this.gate = gate;
    this.scope = new CostScope(services.gateway(), services.organizations());
  }

  HttpResponse home(Exchange ex) {
    return Gated.open(ex, services, gate, BillingPage.HOME, context -> {
      LocalDate today = today();
      YearMonth month = YearMonth.from(today);
      List<CostLine> monthToDate = costs(context, month.atDay(1), today.plusDays(1));
      BigDecimal mtd = CostTable.total(monthToDate);
      BigDecimal lastMonth = CostTable.total(costs(context, month.minusMonths(1).atDay(1), month.atDay(1)));
      Html forecast = gate.denial(BillingPage.FORECAST, context)
          .map(denial -> Html.of("<p class=\"muted\">%s</p>", ex.msg("denied.needPermissions", BillingPage.FORECAST)))
          .orElseGet(() -> Html.of("<p class=\"figure\">%s</p>", Money.usd(forecast(mtd, today))));
      Html content = Html.of("""
          <div class="cards">
          <section class="card"><h2>%s</h2><p class="figure">%s</p><p class="muted">%s</p></section>
          <section class="card"><h2>%s</h2>%s<p class="muted">%s</p></section>
          <section class="card"><h2>%s</h2><p class="figure">%s</p></section></div>
          <section class="card"><h2>%s</h2>%s</section>""",
          ex.msg("home.monthToDate"), Money.usd(mtd), month.atDay(1) + " – " + today,
          ex.msg("home.forecast"), forecast, month.toString(),
          ex.msg("home.lastMonth"), Money.usd(lastMonth),
          ex.msg("home.topServices"), table(ex, ex.msg("col.service"), CostTable.by(Dimension.SERVICE, monthToDate)));
      return Responses.html(200, Layout.page(ex, ex.msg("nav.home"), content));
    });
  }

  HttpResponse bills(Exchange ex) {
    return Gated.open(ex, services, gate, BillingPage.BILLS, context -> {
      YearMonth current = YearMonth.from(today());
      YearMonth month = parseMonth(ex.query().get("month")).filter(m -> !m.isAfter(current)).orElse(current);
      LocalDate end = month.equals(current) ? today().plusDays(1) : month.plusMonths(1).atDay(1);
      List<CostLine> lines = costs(context, month.atDay(1), end);
      Html byAccount = Html.when(scope.consolidated(context), Html.of("<section class=\"card\"><h2>%s</h2>%s</section>",
          ex.msg("bills.byAccount"), table(ex, ex.msg("col.account"), CostTable.by(Dimension.LINKED_ACCOUNT, lines))));
      Html content = Html.of("""
          <form method="get" action="/console/billing/bills" class="row"><label>%s
          <input type="month" name="month" value="%s" max="%s"></label><button type="submit">%s</button></form>
          <section class="card"><h2>%s</h2><p class="figure" id="bill-total">%s</p><p class="muted">%s</p></section>
          <section class="card"><h2>%s</h2>%s</section>%s""",
          ex.msg("bills.period"), month.toString(), current.toString(), ex.msg("apply"),
          ex.msg("bills.total"), Money.usd(CostTable.total(lines)),
          month.equals(current) ? ex.msg("bills.pending") : ex.msg("bills.issued"),
          ex.msg("bills.byService"), table(ex, ex.msg("col.service"), CostTable.by(Dimension.SERVICE, lines)), byAccount);
      return Responses.html(200, Layout.page(ex, ex.msg("nav.bills"), content));
    });
  }

  HttpResponse costExplorer(Exchange ex) {
    return Gated.open(ex, services, gate, BillingPage.COST_EXPLORER, context -> {
      LocalDate today = today();
      LocalDate end = parseDate(ex.query().get("end")).filter(d -> !d.isAfter(today)).orElse(today);
      LocalDate start = parseDate(ex.query().get("start")).filter(d -> !d.isAfter(end))
          .filter(d -> !d.isBefore(end.minusDays(MAX_RANGE_DAYS)))
          .orElse(YearMonth.from(end).minusMonths(5).atDay(1));
      Granularity granularity = "DAILY".equals(ex.query().get("granularity")) ? Granularity.DAILY : Granularity.MONTHLY;
      Dimension dimension = dimension(ex.query().get("groupBy"));
      List<CostLine> lines = costs(context, start, end.plusDays(1));
      Map<String, BigDecimal> periods = CostTable.over(granularity, lines);
      Html content = Html.of("""
          <form method="get" action="/console/costexplorer" class="row">
          <label>%s<input type="date" name="start" value="%s"></label>
          <label>%s<input type="date" name="end" value="%s" max="%s"></label>
          <label>%s<select name="granularity">%s</select></label>
          <label>%s<select name="groupBy">%s</select></label>
          <button type="submit">%s</button></form>
          <section class="card"><h2>%s</h2>%s<p>%s <strong id="ce-total">%s</strong></p></section>
          <section class="card"><h2>%s</h2>%s</section>""",
          ex.msg("ce.start"), start.toString(), ex.msg("ce.end"), end.toString(), today.toString(),
          ex.msg("ce.granularity"), options(ex, granularity.name(), "DAILY", "MONTHLY"),
          ex.msg("ce.groupBy"), options(ex, dimension.name(), "SERVICE", "LINKED_ACCOUNT", "REGION"),
          ex.msg("apply"), ex.msg("ce.costs"), BarChart.render(ex.msg("ce.chartLabel", start, end), periods),
          ex.msg("ce.total"), Money.usd(CostTable.total(lines)),
          ex.msg("ce.breakdown"), table(ex, ex.msg("ce.dimension." + dimension.name()), CostTable.by(dimension, lines)));
      return Responses.html(200, Layout.page(ex, ex.msg("nav.costExplorer"), content));
    });
  }

  private List<CostLine> costs(CallContext context, LocalDate from, LocalDate to) {
    return services.costs().dailyCosts(scope.accounts(context), from, to);
  }

  /** A straight-line forecast: the month-to-date daily average over the whole month. */
  private static BigDecimal forecast(BigDecimal monthToDate, LocalDate today) {
    int days = YearMonth.from(today).lengthOfMonth();
    return monthToDate.multiply(BigDecimal.valueOf(days)).divide(BigDecimal.valueOf(today.getDayOfMonth()), 2,
        RoundingMode.HALF_UP);
  }

  private LocalDate today() {
    return LocalDate.ofInstant(services.clock().instant(), ZoneOffset.UTC);
  }

  private static Html table(Exchange ex, String firstColumn, Map<String, BigDecimal> rows) {
    List<Html> body = new ArrayList<>();
    rows.forEach((name, amount) -> body.add(Html.of("<tr><th scope=\"row\">%s</th><td class=\"num\">%s</td></tr>",
        name, Money.usd(amount))));
    if (body.isEmpty()) {
      return Html.of("<p class=\"muted\">%s</p>", ex.msg("noData"));
    }
    return Html.of("<table><thead><tr><th scope=\"col\">%s</th><th scope=\"col\" class=\"num\">%s</th></tr></thead>"
        + "<tbody>%s</tbody></table>", firstColumn, ex.msg("col.cost"), Html.join(body));
  }

  private static Html options(Exchange ex, String selected, String... values) {
    List<Html> options = new ArrayList<>();
    for (String value : values) {
      options.add(Html.of("<option value=\"%s\"%s>%s</option>", value,
          Html.when(value.equals(selected), new Html(" selected")), ex.msg("ce.option." + value)));
    }
    return Html.join(options);
  }

  private static Dimension dimension(String value) {
    for (Dimension d : Dimension.values()) {
      if (d.name().equals(value)) {
        return d;
      }
    }
    return Dimension.SERVICE;
  }

  private static Optional<LocalDate> parseDate(String value) {
    try {
      return value == null ? Optional.empty() : Optional.of(LocalDate.parse(value));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static Optional<YearMonth> parseMonth(String value) {
    try {
      return value == null ? Optional.empty() : Optional.of(YearMonth.parse(value));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
